import { Injectable, inject } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';

/** The 代理 page's texts, in its lazy chunk (as the designer's). Chinese is the source of truth. */
export const PROXIES_ZH_CN = {
  title: '代理设置',
  intro: '外出或休假时，请一位有权办理的同事在一段时间内代您办理待办事项。代办的意见署名为“代理人（代您）”。',
  setTitle: '设置我的代理人',
  deputy: '代理人',
  window: '代理期间',
  from: '开始时间',
  to: '结束时间',
  save: '设置代理',
  saved: '已设置代理：{deputy}，{from} 至 {to}',
  end: '结束我的代理',
  ended: '已结束您设置的代理',
  current: '当前代理',
  none: '暂无生效的代理',
  principal: '委托人',
  asPrincipal: '我委托他人',
  asDeputy: '他人委托我',
  processes: '适用流程',
  allProcesses: '全部流程',
  done: '代我办理的事项',
  doneNone: '暂无代您办理的事项',
  colTitle: '标题',
  colStep: '环节',
  colBy: '代理人',
  colStatus: '状态',
  colAt: '时间',
  statusOpen: '待办',
  statusCompleted: '已办',
  statusCancelled: '已取消',
  statusWaiting: '等待加签',
  needDeputy: '请选择代理人',
  needWindow: '请选择代理期间',
} as const;

type Key = keyof typeof PROXIES_ZH_CN;

const PROXIES_EN: Record<Key, string> = {
  title: 'Deputy',
  intro:
    'While you are away, let a colleague who may act for you handle your tasks for a while. Their opinions are signed "deputy (for you)".',
  setTitle: 'Set my deputy',
  deputy: 'Deputy',
  window: 'Period',
  from: 'From',
  to: 'To',
  save: 'Set deputy',
  saved: 'Deputy set: {deputy}, {from} to {to}',
  end: 'End my proxy',
  ended: 'Your proxy has ended',
  current: 'Current proxies',
  none: 'No proxy in force',
  principal: 'For',
  asPrincipal: 'I am represented',
  asDeputy: 'I represent',
  processes: 'Processes',
  allProcesses: 'All processes',
  done: 'Done on my behalf',
  doneNone: 'Nothing was done on your behalf',
  colTitle: 'Title',
  colStep: 'Step',
  colBy: 'Deputy',
  colStatus: 'Status',
  colAt: 'Time',
  statusOpen: 'Open',
  statusCompleted: 'Done',
  statusCancelled: 'Cancelled',
  statusWaiting: 'Waiting for signers',
  needDeputy: 'Choose a deputy',
  needWindow: 'Choose the period',
};

@Injectable({ providedIn: 'root' })
export class ProxiesTexts {
  private readonly i18n = inject(I18nService);

  t(key: Key, params?: Record<string, string>): string {
    const text = this.i18n.isChinese() ? PROXIES_ZH_CN[key] : PROXIES_EN[key];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m) : text;
  }
}
