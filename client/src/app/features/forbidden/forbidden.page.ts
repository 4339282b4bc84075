import { ChangeDetectionStrategy, Component } from '@angular/core';
import { NzResultModule } from 'ng-zorro-antd/result';
import { TranslatePipe } from '../../core/i18n/t.pipe';

/** Where a role guard sends a user who followed a link to a page their roles do not open. */
@Component({
  selector: 'app-forbidden-page',
  imports: [NzResultModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'page' },
  template: ` <nz-result nzStatus="403" [nzTitle]="'forbidden.title' | t" [nzSubTitle]="'forbidden.subtitle' | t" /> `,
})
export default class ForbiddenPage {}
