import { randomBytes, randomUUID } from 'crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE, RequestValidationException } from '@prp/service-kit';
import { AreaDirectory } from '../areas/area-directory';
import { hashApiKey, keyAreaPrefix, NATIONAL_AREA, type ApiKeyPrincipal, type ApiKeyScope } from './api-key';
import { ApiKeyInvalidException, ApiKeyRequiredException } from './access-errors';

interface KeyRow {
  id: string;
  name: string;
  area_code: string;
  scopes: ApiKeyScope[];
  created_at: Date;
  revoked_at: Date | null;
}

const toView = (row: KeyRow) => ({
  id: row.id,
  name: row.name,
  areaCode: row.area_code,
  scopes: row.scopes,
  createdAt: row.created_at.toISOString(),
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

@Injectable()
export class ApiKeysService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly areas: AreaDirectory,
  ) {}

  async create(name: string, areaCode: string, scopes: ApiKeyScope[]) {
    if (areaCode !== NATIONAL_AREA && !(await this.areas.find(areaCode))) {
      const message = `区划${areaCode}不在区划目录中（全国为${NATIONAL_AREA}）`;
      throw new RequestValidationException([{ field: 'areaCode', code: 'AREA.NOT_FOUND', message }]);
    }
    const apiKey = `prp_area_${randomBytes(24).toString('base64url')}`;
    const rows: KeyRow[] = await this.dataSource.query(
      `INSERT INTO api_key (id, name, key_hash, area_code, scopes) VALUES ($1, $2, $3, $4, $5::text[]) RETURNING *`,
      [randomUUID(), name, hashApiKey(apiKey), areaCode, [...new Set(scopes)]],
    );
    return { ...toView(rows[0]), apiKey };
  }

  /** Revoking again keeps the first revocation time. */
  async revoke(id: string) {
    const rows: KeyRow[] = await this.dataSource.query(
      `WITH updated AS (UPDATE api_key SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING *)
       SELECT * FROM updated`,
      [id],
    );
    if (!rows[0]) throw new NotFoundException({ code: 'AUTH.KEY_NOT_FOUND', message: `API密钥不存在：${id}` });
    return toView(rows[0]);
  }

  /** The caller behind a key: 401 when it is missing, unknown or revoked. */
  async authenticate(apiKey: string | undefined): Promise<ApiKeyPrincipal> {
    if (!apiKey) throw new ApiKeyRequiredException();
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT * FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL`,
      [hashApiKey(apiKey)],
    );
    const row = rows[0];
    if (!row) throw new ApiKeyInvalidException();
    return {
      id: row.id,
      name: row.name,
      areaCode: row.area_code,
      areaPrefix: keyAreaPrefix(row.area_code),
      scopes: row.scopes,
    };
  }
}
