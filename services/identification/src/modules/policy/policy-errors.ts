import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';

export class PolicyNotFoundException extends NotFoundException {
  constructor(areaCode: string, on: string) {
    super({ code: 'POLICY.NOT_FOUND', message: `地区${areaCode}在${on}没有生效的政策参数` });
  }
}

/** A region's effective table lacks keys the screening rules need: an administrator must complete it. */
export class PolicyIncompleteException extends UnprocessableEntityException {
  constructor(version: string, missing: string[]) {
    super({
      code: 'POLICY.INCOMPLETE',
      message: `政策参数不完整（版本${version}），缺少：${missing.join('、')}，请先在政策参数表中补充`,
      errors: missing.map((key) => ({
        field: `policy.${key}`,
        code: 'POLICY.INCOMPLETE',
        message: `缺少政策参数${key}`,
      })),
    });
  }
}

/** Versions are never overwritten nor inserted before another: decisions name the rows they used. */
export class PolicyVersionExistsException extends ConflictException {
  constructor(regionCode: string, effectiveFrom: string, latest: string) {
    const message =
      effectiveFrom === latest
        ? `地区${regionCode}自${effectiveFrom}起生效的政策参数版本已存在，已有版本不可修改，请使用新的生效日期`
        : `地区${regionCode}本年度最新版本自${latest}起生效，新版本的生效日期须晚于${latest}`;
    super({
      code: 'POLICY.VERSION_EXISTS',
      message,
      errors: [{ field: 'effectiveFrom', code: 'POLICY.VERSION_EXISTS', message: `生效日期须晚于${latest}` }],
    });
  }
}

/** A stored decision names a policy version that cannot be rebuilt: not a label this platform writes, or its rows differ. */
export class PolicyVersionUnknownException extends UnprocessableEntityException {
  constructor(version: string, areaCode: string) {
    super({
      code: 'POLICY.VERSION_UNKNOWN',
      message: `无法重建政策参数版本“${version}”（地区${areaCode}）：版本标识无法识别，或其所列参数行不存在`,
      errors: [
        { field: 'policyVersion', code: 'POLICY.VERSION_UNKNOWN', message: `政策参数版本${version}无法识别或不存在` },
      ],
    });
  }
}
