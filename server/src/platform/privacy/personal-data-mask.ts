/**
 * Masks personal data in a text the public will read (a published reply): the writer's own name,
 * phone and address wherever they appear, and any mobile number, 身份证 number or house number.
 * 个人信息保护法 art. 28 and 政府信息公开条例 art. 15: personal information is not disclosed.
 */
export interface PersonalData {
  name: string;
  phone?: string | null;
  idNumber?: string | null;
  address?: string | null;
}

const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const LANDLINE = /(?<!\d)(0\d{2,3}-?)\d{3,4}(\d{4})(?!\d)/g;
// the number part of a street address: 12号, 3栋, 2单元, 501室, 8号楼
const HOUSE_NUMBER = /\d+(?=(?:号楼|号院|号|栋|幢|单元|室|楼))/g;

/** 张三 → 张*, 欧阳小明 → 欧阳** (a two-character surname is kept when the name has four). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}

/** 陕西省安康市汉滨区建设路12号3单元501室 → 陕西省安康市汉滨区**** (the part after the district goes). */
export function maskAddress(address: string): string {
  const m = /^(.*?(?:区|县|市))(?!.*(?:区|县))/.exec(address);
  const head = m ? m[1] : [...address].slice(0, 3).join('');
  return `${head}****`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Masks the numbers that identify a person wherever they appear — 身份证 numbers, mobile and
 * landline numbers — and nothing else (no house numbers: a text such as 发文字号 keeps its digits).
 * The audit trail runs every string of an event's details through it.
 */
export function maskIdentifyingNumbers(text: string): string {
  return text
    .replace(ID_NUMBER, (_, a: string, b: string) => `${a}********${b.slice(-4)}`)
    .replace(MOBILE, (_, a: string, b: string) => `${a}****${b}`)
    .replace(LANDLINE, (_, a: string, b: string) => `${a}****${b}`);
}

export function maskPersonalData(text: string, writer: PersonalData): string {
  let out = text;
  // the writer's own strings first, longest first, so a name inside the address is not half-masked
  const own: [string, string][] = [];
  if (writer.address?.trim()) own.push([writer.address.trim(), maskAddress(writer.address.trim())]);
  if (writer.phone?.trim()) own.push([writer.phone.trim(), `${writer.phone.trim().slice(0, 3)}****${writer.phone.trim().slice(-4)}`]);
  if (writer.idNumber?.trim())
    own.push([writer.idNumber.trim(), `${writer.idNumber.trim().slice(0, 6)}********${writer.idNumber.trim().slice(-4)}`]);
  if (writer.name.trim()) own.push([writer.name.trim(), maskName(writer.name)]);
  for (const [value, masked] of own.sort((a, b) => b[0].length - a[0].length)) out = out.replace(new RegExp(escape(value), 'g'), masked);
  return maskIdentifyingNumbers(out).replace(HOUSE_NUMBER, (d: string) => '*'.repeat(Math.min(d.length, 3)));
}
