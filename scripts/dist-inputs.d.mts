export function distInputsHash(root: string): string;
export function distStampFile(root: string): string;
