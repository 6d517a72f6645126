// pdfmake ships no type declarations; render.ts describes the little it uses.
declare module 'pdfmake';
