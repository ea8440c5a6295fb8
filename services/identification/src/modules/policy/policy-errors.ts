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

/** Versions are never overwritten: decisions name the rows they used. */
export class PolicyVersionExistsException extends ConflictException {
  constructor(regionCode: string, effectiveFrom: string) {
    super({
      code: 'POLICY.VERSION_EXISTS',
      message: `地区${regionCode}自${effectiveFrom}起生效的政策参数版本已存在，已生效的版本不可修改，请使用新的生效日期`,
      errors: [{ field: 'effectiveFrom', code: 'POLICY.VERSION_EXISTS', message: '该生效日期的版本已存在' }],
    });
  }
}
