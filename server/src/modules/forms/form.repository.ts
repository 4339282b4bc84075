import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { FormEntity } from './form.entity';

@Injectable()
export class FormRepository {
  constructor(@InjectRepository(FormEntity) private readonly forms: Repository<FormEntity>) {}

  /** The latest version of a key. */
  latest(formKey: string, m?: EntityManager): Promise<FormEntity | null> {
    return (m ? m.getRepository(FormEntity) : this.forms).findOne({ where: { formKey }, order: { version: 'DESC' } });
  }

  /** The latest version of every key, by key (the schemas are not loaded; forms are few, versions are tens). */
  async latestOfEach(): Promise<Omit<FormEntity, 'schemaJson'>[]> {
    const rows = await this.forms.find({
      select: { id: true, formKey: true, version: true, createdBy: true, createdAt: true },
      order: { formKey: 'ASC', version: 'DESC' },
    });
    return rows.filter((row, i) => i === 0 || rows[i - 1].formKey !== row.formKey);
  }

  async insert(form: FormEntity, m: EntityManager): Promise<void> {
    await m.insert(FormEntity, form);
  }
}
