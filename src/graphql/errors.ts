/** The errors of every layer (plain errors with stable codes), for the GraphQL layer's imports. */
export * from '../errors';
