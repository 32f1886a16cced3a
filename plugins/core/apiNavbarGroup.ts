/**
 * The navbar dropdown every API reference shares (HTTP, GraphQL, gRPC, AsyncAPI), so a repository
 * with several kinds of API gets one "APIs" menu rather than one navbar item per description.
 */
export const API_NAVBAR_GROUP = 'APIs';
