import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';

type Field = 'code' | 'level' | 'parentCode' | 'registeredPoorPopulation';

/** A 400 whose stable code is the specific rule broken, naming the field in Chinese. */
export class AreaRuleException extends BadRequestException {
  constructor(code: string, field: Field, message: string) {
    super({ code, message, errors: [{ field, code, message }] });
  }
}

export class AreaNotFoundException extends NotFoundException {
  constructor(code: string) {
    super({ code: 'AREA.NOT_FOUND', message: `区划代码${code}不在区划目录中` });
  }
}

export class AreaExistsException extends ConflictException {
  constructor(code: string, name: string) {
    super({
      code: 'AREA.ALREADY_EXISTS',
      message: `区划代码${code}已存在（${name}），区划代码不可重复`,
      errors: [{ field: 'code', code: 'AREA.ALREADY_EXISTS', message: `区划代码${code}已被“${name}”使用` }],
    });
  }
}
