import { createHash, randomBytes, randomUUID } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { DepartmentCode } from '@prp/contracts';
import { DATA_SOURCE } from '@prp/service-kit';

/** Keys are stored only as their SHA-256 hash; the key itself is shown once, when created. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

@Injectable()
export class ApiKeysService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async create(department: DepartmentCode, label: string) {
    const id = randomUUID();
    const apiKey = `prp_dept_${randomBytes(24).toString('base64url')}`;
    await this.dataSource.query(
      `INSERT INTO department_api_key (id, department, key_hash, label) VALUES ($1, $2, $3, $4)`,
      [id, department, hashApiKey(apiKey), label],
    );
    return { id, department, label, apiKey };
  }

  /** The department a key belongs to, or null for an unknown or revoked key. */
  async departmentOf(apiKey: string | undefined): Promise<DepartmentCode | null> {
    if (!apiKey) return null;
    const rows: { department: DepartmentCode }[] = await this.dataSource.query(
      `SELECT department FROM department_api_key WHERE key_hash = $1 AND revoked_at IS NULL`,
      [hashApiKey(apiKey)],
    );
    return rows[0]?.department ?? null;
  }
}
