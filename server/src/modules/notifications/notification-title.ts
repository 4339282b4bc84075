/** The title and 文号 a notification names its matter by (ApprovalsRepository.matterName). */
export interface MatterName {
  title: string | null;
  docNumber: string | null;
}

export const NO_MATTER: MatterName = { title: null, docNumber: null };

/**
 * A notification's title naming the document and the step — `催办：《关于…的请示》（安政发〔2026〕3号） · 领导批示`
 * — so that the bell says what it is about; only the step when the matter has no title.
 */
export function notificationTitle(action: string, matter: MatterName, step: string): string {
  if (!matter.title) return `${action}：${step}`;
  return `${action}：《${matter.title}》${matter.docNumber ? `（${matter.docNumber}）` : ''} · ${step}`;
}
