import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { HistoryEvent } from '@liuzhuan/contracts';
import { UserNamePipe } from './user-names.service';
import type { OpinionItem } from './workflow-api.service';
import { WorkflowI18n, WorkflowTranslatePipe } from './workflow-i18n';

/** One line of the processing record (处理单). */
export interface RecordRow {
  seq: number;
  at: string;
  type: string;
  step: string;
  /** The acting user; with a proxy "B（代A）". */
  actor: string;
  opinion: string | null;
}

/** Engine bookkeeping the reader of a processing record does not care about. */
const INTERNAL =
  /^(element\.|flow\.|variables\.|timer\.scheduled|timer\.cancelled|job\.|subscription\.|message\.subscribed|signal\.subscribed|condition\.subscribed|multiInstance\.|child\.|task\.created|task\.withdrawable)/;
/** Operations that explain the engine's moves and cancellations done in the same command. */
const EXPLAINING = new Set(['task.returned', 'task.withdrawn', 'task.signers-removed', 'instance.rejected', 'instance.intervention']);
const EXPLAINED = new Set(['token.moved', 'task.cancelled']);
/** Lines about a task that never carry its signed opinion (a 催办 or 签收 before the completion must not take it). */
const WITHOUT_OPINION = new Set(['task.urged', 'task.claimed', 'task.unclaimed', 'task.opened', 'task.cc']);

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The people's view of an instance's history: who did what at which step, with what opinion or
 * reason. A proxy (代理) shows as "B（代A）"; an admin's intervention names the admin.
 */
export function recordRows(
  history: readonly HistoryEvent[],
  opinions: readonly OpinionItem[] | null,
  proxyLabel: (by: string, forUser: string) => string,
  kindLabel: (kind: string) => string = (kind) => kind,
): RecordRow[] {
  // opinions (when the server lists them) are the signed record: they replace the history's copy;
  // a step may carry several (the form's 批示 and the panel's 意见): its line shows them all
  const byTask = new Map<string, OpinionItem[]>();
  for (const opinion of opinions ?? []) if (opinion.taskId) byTask.set(opinion.taskId, [...(byTask.get(opinion.taskId) ?? []), opinion]);
  const used = new Set<OpinionItem>();
  const stepNames = new Map<string, string>();
  for (const event of history) {
    const name = str(event.details['name']);
    if (event.type === 'task.created' && event.elementId && name) stepNames.set(event.elementId, name);
  }
  const explained = new Set(history.filter((e) => EXPLAINING.has(e.type)).map((e) => `${e.actor}@${e.at}`));
  const rows = history
    .filter((event) => !INTERNAL.test(event.type))
    .filter((event) => !(EXPLAINED.has(event.type) && explained.has(`${event.actor}@${event.at}`)))
    .map((event): RecordRow => {
      const d = event.details;
      const intervention = d['intervention'] as { by?: string } | undefined;
      const onBehalfOf = str(d['onBehalfOf']) ?? str(d['proxyFor']) ?? str((d['proxy'] as { for?: string } | undefined)?.for);
      const by = str(intervention?.by) ?? str(d['actorName']) ?? event.actor ?? '';
      const target = str(d['targetElementId']);
      const taskId = str(d['elementInstanceId']) ?? str(d['taskId']);
      const candidates = taskId && !WITHOUT_OPINION.has(event.type) ? (byTask.get(taskId) ?? []) : [];
      const signedAll = candidates.filter((o) => !used.has(o));
      for (const o of signedAll) used.add(o);
      const signed = signedAll[0];
      const opinionText = str(d['opinion']) ?? str((d['opinion'] as { text?: string } | undefined)?.text);
      const signedText = signedAll.length
        ? signedAll.map((o) => (signedAll.length > 1 ? `${kindLabel(o.kind)}：${o.text}` : o.text)).join('\n')
        : null;
      const opinion = [signedText ?? opinionText, str(d['reason']) ?? str(d['message'])].filter(Boolean).join('\n') || null;
      return {
        seq: event.seq,
        at: event.at,
        type: event.type,
        step: (event.elementId && (stepNames.get(event.elementId) ?? event.elementId)) || (target ? (stepNames.get(target) ?? target) : ''),
        actor: signed?.authorLabel ?? (onBehalfOf && by ? proxyLabel(by, onBehalfOf) : by),
        opinion,
      };
    });
  // opinions no history line carries (written with an operation the history names differently)
  let seq = -1;
  for (const opinion of opinions ?? []) {
    if (used.has(opinion)) continue;
    rows.push({
      seq: seq--,
      at: opinion.createdAt,
      type: `opinion.${opinion.kind}`,
      step: (opinion.elementId && (stepNames.get(opinion.elementId) ?? opinion.elementId)) || '',
      actor: opinion.authorLabel,
      opinion: opinion.text,
    });
  }
  return rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
}

/** 处理记录: every step, actor (with proxy marker), action, opinion and time. */
@Component({
  selector: 'app-processing-record',
  imports: [DatePipe, UserNamePipe, WorkflowTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 14px;
    }
    th,
    td {
      padding: 8px;
      border-bottom: 1px solid #f0f0f0;
      text-align: left;
      vertical-align: top;
    }
    th {
      background: #fafafa;
      font-weight: 500;
      white-space: nowrap;
    }
    td.opinion {
      white-space: pre-wrap;
      word-break: break-word;
    }
    td.time {
      white-space: nowrap;
      color: rgba(0, 0, 0, 0.65);
    }
    .empty {
      color: #595959;
      padding: 12px 0;
    }
    /* phones: a row per entry — step, action, signer and time on a line, the opinion below in full */
    @media (max-width: 600px) {
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      tbody tr {
        display: grid;
        grid-template-columns: auto auto minmax(0, 1fr) auto;
        column-gap: 8px;
        padding: 8px 0;
        border-bottom: 1px solid #f0f0f0;
      }
      td {
        padding: 0;
        border: 0;
      }
      td.time {
        grid-column: 4;
        grid-row: 1;
      }
      td.opinion {
        grid-column: 1 / -1;
        grid-row: 2;
      }
      td.opinion:empty {
        display: none;
      }
    }
  `,
  template: `
    @if (rows().length) {
      <table class="processing-record">
        <thead>
          <tr>
            <th>{{ 'record.step' | wt }}</th>
            <th>{{ 'record.action' | wt }}</th>
            <th>{{ 'record.actor' | wt }}</th>
            <th>{{ 'record.opinion' | wt }}</th>
            <th>{{ 'record.time' | wt }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.seq) {
            <tr [attr.data-type]="row.type">
              <td>{{ row.step }}</td>
              <td>{{ 'event.' + row.type | wt }}</td>
              <td>{{ row.actor | userName }}</td>
              <td class="opinion">{{ row.opinion }}</td>
              <td class="time">{{ row.at | date: 'yyyy-MM-dd HH:mm' }}</td>
            </tr>
          }
        </tbody>
      </table>
    } @else {
      <div class="empty">{{ 'task.noRecord' | wt }}</div>
    }
  `,
})
export class ProcessingRecordComponent {
  private readonly texts = inject(WorkflowI18n);
  readonly history = input<readonly HistoryEvent[]>([]);
  /** From GET /api/instances/:id/opinions; null while the server has none. */
  readonly opinions = input<readonly OpinionItem[] | null>(null);
  protected readonly rows = computed(() =>
    recordRows(
      this.history(),
      this.opinions(),
      (by, forUser) => this.texts.t('record.proxy', { by, for: forUser }),
      (kind) => this.texts.label(`event.opinion.${kind}`),
    ),
  );
}
