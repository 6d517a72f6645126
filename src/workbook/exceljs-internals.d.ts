// The parts of exceljs the reader uses (see package.ts): its XML parsers
// ("xforms") for the workbook, relationships, shared strings, styles and
// sheets (each fed the XML of a part as string chunks), without its zip
// handling and in-memory document. exceljs 4.4.0 is its last release; these
// internal modules do not move.

declare module 'exceljs/lib/xlsx/xform/core/relationships-xform.js' {
  export interface Relationship {
    Id: string;
    Type: string;
    Target: string;
    TargetMode?: string;
  }
  export default class RelationshipsXform {
    parseStream(xml: Iterable<string>): Promise<Relationship[] | undefined>;
  }
}

declare module 'exceljs/lib/xlsx/xform/book/workbook-xform.js' {
  export interface WorkbookModel {
    sheets?: { name: string; id: number; rId: string; state?: string }[];
    properties?: { date1904?: boolean };
    definedNames?: { name: string; ranges?: string[]; localSheetId?: number }[];
  }
  export default class WorkbookXform {
    parseStream(xml: Iterable<string>): Promise<WorkbookModel | undefined>;
  }
}

declare module 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js' {
  export default class SharedStringsXform {
    parseStream(xml: Iterable<string>): Promise<unknown>;
    getString(index: number): unknown;
  }
}

declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  export default class StylesXform {
    parseStream(xml: Iterable<string>): Promise<unknown>;
    getStyleModel(id: number): { numFmt?: string } | null;
  }
}

declare module 'exceljs/lib/xlsx/xform/sheet/worksheet-xform.js' {
  /** A cell as the sheet parser leaves it after `reconcile`. */
  export interface CellModel {
    address?: string;
    type?: number;
    value?: unknown;
    text?: unknown;
    hyperlink?: string;
    formula?: string;
    sharedFormula?: string;
    result?: unknown;
    style?: { numFmt?: string };
  }
  export interface RowModel {
    number: number;
    cells: CellModel[];
  }
  export interface WorksheetModel {
    rows?: RowModel[];
    mergeCells?: string[];
    hyperlinks?: { address?: string; rId?: string }[];
    relationships?: { Id: string; Type: string; Target: string; TargetMode?: string }[];
    [other: string]: unknown;
  }
  export default class WorksheetXform {
    constructor(options?: { ignoreNodes?: readonly string[] });
    parseStream(xml: Iterable<string>): Promise<WorksheetModel | undefined>;
    reconcile(model: WorksheetModel, options: object): void;
  }
}

declare module 'exceljs/lib/utils/shared-formula.js' {
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}
