/**
 * The GraphQL fixture the tests write into a temp target: a schema split over three files (two SDL
 * files and a schema string in code) with a deprecated field, an interface and a union, an Express
 * resolver map, a NestJS resolver class, and a file that does not parse.
 */
export const FIXTURE: Record<string, string> = {
  'package.json': JSON.stringify({name: 'blog-api', version: '1.0.0', dependencies: {express: '4', graphql: '16'}}),
  'schema/query.graphql': `"""
The blog's API. <script>alert(1)</script> stays text.
"""
schema {
  query: Query
  mutation: Mutation
}

type Query {
  "A node by its global id."
  node(id: ID!): Node
  "Posts and users matching a term."
  search(term: String!, first: Int = 10): [SearchResult!]!
  "The signed-in user."
  viewer: User
  me: User @deprecated(reason: "Use \`viewer\`.")
}
`,
  'schema/types.graphql': `"Anything with a global id."
interface Node {
  id: ID!
}

"Someone who writes."
type User implements Node {
  id: ID!
  name: String
  role: Role!
  posts(first: Int = 5): [Post!]!
}

type Post implements Node {
  id: ID!
  title: String!
  author: User!
  legacyId: Int @deprecated
}

union SearchResult = User | Post

enum Role {
  ADMIN
  READER
  GUEST @deprecated(reason: "Sign in instead.")
}
`,
  'src/mutations.ts': `import {gql} from 'graphql-tag';

export const typeDefs = gql\`
  type Mutation {
    "Writes a post."
    createPost(input: CreatePostInput!): Post!
  }

  input CreatePostInput {
    title: String!
    body: String = ""
  }
\`;
`,
  'src/resolvers.js': `const express = require('express');

const resolvers = {
  Query: {
    viewer: (_root, _args, context) => context.user,
    search(_root, {term}) {
      return [];
    },
  },
  User: {
    posts: (user) => user.posts,
  },
  Mutation: {
    createPost: async (_root, {input}) => ({id: '1', ...input}),
  },
};

module.exports = {resolvers};
`,
  'src/user.resolver.ts': `import {Query, ResolveField, Resolver} from '@nestjs/graphql';

@Resolver(() => User)
export class UserResolver {
  @Query('node')
  findNode() {
    return null;
  }

  @ResolveField()
  name() {
    return 'Ada';
  }
}
`,
  'schema/broken.graphql': `type Broken {
  field: String
  oops(: Int
}
`,
};
