import { randomUUID } from 'crypto';
import type { ApiKeyPrincipal } from '../../access/api-key';
import { RecordStepController } from './record-step.controller';
import type { RecordStepBody } from './record-step.dto';
import type { RecordStepService } from './record-step.service';

const key = (scopes: ApiKeyPrincipal['scopes']): ApiKeyPrincipal => ({
  id: 'k',
  name: '东富镇乡镇系统',
  areaCode: '430281101000',
  areaPrefix: '430281101',
  scopes,
});
const body = (step: RecordStepBody['step']): RecordStepBody =>
  ({ decisionId: randomUUID(), step, result: 'APPROVED', actor: 'x', attachments: [] }) as RecordStepBody;

describe('scopes of a step recorded through POST /api/v1/cases/:id/steps', () => {
  const record = jest.fn(async () => ({ recorded: true }));
  const controller = new RecordStepController({ record } as unknown as RecordStepService);

  it('keeps county approval to a key with COUNTY_APPROVAL, even though the route takes APPROVAL', async () => {
    const township = key(['INTAKE', 'APPROVAL']);
    await expect(controller.record(randomUUID(), undefined, body('COUNTY_APPROVAL'), township)).rejects.toMatchObject({
      response: { code: 'AUTH.SCOPE' },
    });
    expect(record).not.toHaveBeenCalled();
    await expect(controller.record(randomUUID(), undefined, body('VILLAGE_REVIEW'), township)).resolves.toEqual({
      recorded: true,
    });
  });

  it('keeps the township steps to a key with APPROVAL', async () => {
    const county = key(['COUNTY_APPROVAL']);
    await expect(controller.record(randomUUID(), undefined, body('TOWNSHIP_RECHECK'), county)).rejects.toMatchObject({
      response: { code: 'AUTH.SCOPE' },
    });
    await expect(controller.record(randomUUID(), undefined, body('COUNTY_APPROVAL'), county)).resolves.toBeTruthy();
  });
});
