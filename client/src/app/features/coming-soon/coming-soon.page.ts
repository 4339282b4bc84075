import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzResultModule } from 'ng-zorro-antd/result';
import { TranslatePipe } from '../../core/i18n/t.pipe';
import type { TranslationKey } from '../../core/i18n/zh-cn';

/** Stands in for a feature whose route and guard exist but whose page is still to be built. */
@Component({
  selector: 'app-coming-soon-page',
  imports: [NzResultModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'page' },
  template: `
    <h1 class="page-title">{{ feature() | t }}</h1>
    <nz-result nzStatus="info" [nzTitle]="feature() | t" [nzSubTitle]="'comingSoon.subtitle' | t" />
  `,
})
export default class ComingSoonPage {
  /** From the route's `data`, via component input binding. */
  readonly feature = input.required<TranslationKey>();
}
