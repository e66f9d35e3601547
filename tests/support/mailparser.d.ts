// mailparser ships no types and @types/mailparser is not installed: the little the tests use of it.
declare module "mailparser" {
  import type { Readable } from "node:stream";

  export type AddressObject = { text: string; value: { address?: string; name: string }[] };

  export type ParsedMail = {
    subject?: string;
    text?: string;
    html: string | false;
    to?: AddressObject | AddressObject[];
    from?: AddressObject;
    date?: Date;
    messageId?: string;
    headers: Map<string, unknown>;
    attachments: { filename?: string; contentType: string; content: Buffer }[];
  };

  export function simpleParser(source: Readable | Buffer | string): Promise<ParsedMail>;
}
