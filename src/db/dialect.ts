/** Which SQL engine a store is talking to; stores pick dialect-specific SQL with it. */
export type Dialect = 'sqlite' | 'postgres';
