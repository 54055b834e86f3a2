import { beijingDateStamp } from './beijingTime';

/** "维修资金使用申请_20261207.xlsx": a Chinese name and the Beijing date of the export; characters no file system takes become spaces. */
export const exportFileName = (name: string, at: Date = new Date()) => `${name.replace(/[\\/:*?"<>|]/g, ' ').trim()}_${beijingDateStamp(at)}.xlsx`;
