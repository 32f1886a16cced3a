/**
 * Resolvers in TypeGraphQL classes (issue 18 names NestJS and TypeGraphQL decorators; the generator
 * tests cover NestJS): `@Resolver(of => User)` with `@FieldResolver()`, a root field named by its
 * decorator, and a method without a GraphQL decorator left out.
 */
import {describe, expect, it} from 'vitest';
import {scanCode} from './scanCode';

const TYPE_GRAPHQL = `import {Arg, FieldResolver, Mutation, Query, Resolver, Root} from 'type-graphql';
import {Recipe} from './recipe';

@Resolver((of) => Recipe)
export class RecipeResolver {
  @Query((returns) => Recipe, {nullable: true})
  recipe(@Arg('id') id: string) {
    return null;
  }

  @Mutation((returns) => Recipe, {name: 'addRecipe'})
  create(@Arg('title') title: string) {
    return {title};
  }

  @FieldResolver()
  averageRating(@Root() recipe: Recipe) {
    return 5;
  }

  helper() {
    return 1;
  }
}
`;

describe('scanCode on TypeGraphQL', () => {
  it('finds root fields, the renamed mutation and field resolvers, held by the class', () => {
    const {resolvers} = scanCode('src/recipe.resolver.ts', TYPE_GRAPHQL);
    expect(resolvers.map((r) => [r.type, r.field, r.line, r.holder]).sort()).toEqual([
      ['Mutation', 'addRecipe', 11, 'RecipeResolver'],
      ['Query', 'recipe', 6, 'RecipeResolver'],
      ['Recipe', 'averageRating', 16, 'RecipeResolver'],
    ]);
  });
});
