import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { connectDatabase, type Database } from '../../src/db/connect.js';

export interface TestDatabase extends Database {
  url: string;
}

/** A fresh, migrated database of its own (cloned from the run's template). Close it when done. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = connectDatabase(adminUrl, { max: 1 });
  try {
    await admin.pool.query(`create database ${name} template ${inject('pgTemplate')}`);
  } finally {
    await admin.close();
  }
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  return { ...connectDatabase(url), url };
}
