import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';
import { TranslatePipe } from '../../core/i18n/t.pipe';

@Component({
  selector: 'app-not-found-page',
  imports: [NzResultModule, NzButtonModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'page' },
  template: `
    <nz-result nzStatus="404" [nzTitle]="'notFound.title' | t" [nzSubTitle]="'notFound.subtitle' | t">
      <div nz-result-extra>
        <a nz-button nzType="primary" routerLink="/">{{ 'common.backHome' | t }}</a>
      </div>
    </nz-result>
  `,
})
export default class NotFoundPage {}
