/** Why a question is refused. */
export type RefusalKind = 'injection' | 'write' | 'file' | 'contact-details';

export interface Refusal {
  readonly kind: RefusalKind;
  readonly reason: string;
}

const RULES: readonly { kind: RefusalKind; pattern: RegExp; reason: string }[] = [
  {
    kind: 'injection',
    pattern:
      /\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instructions?|rules?|prompts?|guardrails?|restrictions?|guard)\b|\b(system prompt|developer mode|jailbreak|you are now|act as|pretend (to be|you)|new instructions)\b/i,
    reason: 'it tries to change my instructions',
  },
  {
    kind: 'write',
    pattern:
      /\b(drop|truncate|alter)\s+(table|view|database|schema|column|index|the|all|every|everything)\b|\b(delete|wipe|erase|grant|revoke)\b|\binsert\s+into\b|\binsert\b.{0,30}\b(rows?|records?|orders?|parts?|customers?)\b|\bupdate\b.{0,60}\bset\b|\bupdate\s+(the\s+)?(price|prices|stock|table|tables|orders?|customers?|parts?|records?|rows?)\b|\b(create|replace)\s+(or\s+replace\s+)?(table|view|schema|database|index|macro|secret)\b|\b(change|set|modify|edit|raise|increase|decrease)\b.{0,30}\b(price|prices|stock|quantity|record|row|rows|table|orders?|customers?)\b.{0,20}(\bto\b|=)|\bremove\b.{0,30}\b(from|rows?|records?|orders?|customers?|table)\b/i,
    reason: 'it asks me to change data, and I only read it',
  },
  {
    kind: 'file',
    pattern:
      /(\/etc\/|\/home\/|\/root\/|\/proc\/|\/var\/|~\/|\.\.\/|[a-z]:\\\\|\.env\b|\bpasswd\b|\bshadow file\b)|\b(read_text|read_blob|read_csv|read_parquet|read_json|parquet_scan|glob|getenv|attach|copy\s+\w+\s+(to|from)|export\s+database|load\s+extension|install\s+\w+|httpfs|s3:\/\/|file:\/\/|https?:\/\/)|\b(read|open|cat|show|list|load|dump|print)\b.{0,20}\b(file|files|directory|folder|disk|filesystem|environment variables?|credentials?|secrets?|api keys?|passwords?)\b/i,
    reason: 'it asks for files, the environment or other systems outside the catalog',
  },
  {
    kind: 'contact-details',
    pattern:
      /\b(e-?mails?|phone( numbers?)?|telephone|mobile numbers?|cell( numbers?)?|contact (details|info|information)|street address(es)?|home address(es)?|mailing address(es)?|addresses|address of|where does .{1,40} live|ssn|social security)\b/i,
    reason: 'it asks for customer contact details (email, phone or street address), which I never show',
  },
];

/** Whether a question must be refused: an injection, a write, a file or environment read, or customer contact details. */
export function refusalOf(question: string): Refusal | undefined {
  for (const rule of RULES) if (rule.pattern.test(question)) return { kind: rule.kind, reason: rule.reason };
  return undefined;
}
