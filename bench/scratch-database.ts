// Scratch PostgreSQL databases for the benchmarks: created empty, thrown away after.
import pg from 'pg';

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Drops the database `name` of the server at `serverUrl` if it is there (closing its sessions). */
export function dropDatabase(serverUrl: string, name: string): Promise<void> {
  return admin(serverUrl, `drop database if exists ${name} with (force)`);
}

/** A new empty database `name` on the server at `serverUrl` (any old one dropped); its URL. */
export async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  await dropDatabase(serverUrl, name);
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
