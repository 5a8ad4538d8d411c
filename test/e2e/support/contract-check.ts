import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, any>;

/** Headers the API sets whose presence the document must declare on the answer that carries them. */
const DOCUMENTED_HEADERS = [
  'etag',
  'location',
  'link',
  'idempotent-replayed',
  'preference-applied',
  'retry-after',
  'www-authenticate',
];

/**
 * Every object schema, checked as closed: a response member the document does not declare fails the
 * check, so the document cannot fall behind what the API answers. (The published document leaves objects
 * open, as clients expect.)
 */
const closed = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(closed);
  if (!node || typeof node !== 'object') return node;
  const copy: Json = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'example' ? v : closed(v)]));
  if (copy.properties && typeof copy.properties === 'object' && copy.additionalProperties === undefined)
    copy.additionalProperties = false;
  return copy;
};

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  responses: Json;
}

/** Checks each answer of the API against its OpenAPI document: status, media type, body and headers. */
export class ContractCheck {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly operations: Operation[] = [];
  private readonly validators = new Map<string, ValidateFunction>();
  /** Which operation answered which status: the contract test reads it to see every operation was called. */
  readonly seen = new Set<string>();

  constructor(private readonly document: Json) {
    addFormats(this.ajv);
    this.ajv.addSchema({ components: closed(document.components) }, 'openapi');
    for (const [template, item] of Object.entries<Json>(document.paths))
      for (const [method, operation] of Object.entries<Json>(item))
        this.operations.push({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
          responses: operation.responses,
        });
    // A literal segment wins over a parameter (…/rulebooks/default before …/rulebooks/{x}).
    this.operations.sort((a, b) => (a.template.match(/\{/g) ?? []).length - (b.template.match(/\{/g) ?? []).length);
  }

  operationOf(method: string, path: string): Operation | undefined {
    const bare = path.split('?')[0];
    return this.operations.find((o) => o.method === method && o.pattern.test(bare));
  }

  private resolve(node: Json): Json {
    return node.$ref ? this.resolve(this.pointer(node.$ref)) : node;
  }

  private pointer(ref: string): Json {
    return ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((at: Json, key) => at[key], this.document);
  }

  private validator(ref: string): ValidateFunction {
    let validate = this.validators.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `openapi${ref}` });
      this.validators.set(ref, validate);
    }
    return validate;
  }

  /** Throws with what is wrong when the answer is not one the document declares. */
  check(method: string, path: string, status: number, headers: Headers, body: unknown): void {
    const where = `${method} ${path} → ${status}`;
    // The document itself and its UI are not operations of the API.
    if (path.startsWith('/docs')) return;
    const operation = this.operationOf(method, path);
    if (!operation) {
      // Unknown routes and methods still answer problems.
      if (status === 404 || status === 405 || status === 414) return this.checkProblem(where, headers, body);
      throw new Error(`${where}: no operation of the OpenAPI document matches`);
    }
    this.seen.add(`${method} ${operation.template} ${status}`);
    const declared = operation.responses[String(status)];
    if (!declared)
      throw new Error(`${where}: status not declared (declared: ${Object.keys(operation.responses).join(', ')})`);
    const response = this.resolve(declared);
    const undeclared = DOCUMENTED_HEADERS.filter(
      (h) => headers.has(h) && !Object.keys(response.headers ?? {}).some((d) => d.toLowerCase() === h),
    );
    if (undeclared.length) throw new Error(`${where}: headers not declared: ${undeclared.join(', ')}`);
    if (status === 304 || status === 204) return;
    const mediaType = (headers.get('content-type') ?? '').split(';')[0].trim();
    const content = response.content ?? {};
    const media = content[mediaType];
    if (!media)
      throw new Error(
        `${where}: media type ${mediaType || '(none)'} not declared (declared: ${Object.keys(content).join(', ')})`,
      );
    if (!media.schema.$ref) return;
    const validate = this.validator(media.schema.$ref);
    if (!validate(body))
      throw new Error(
        `${where}: body does not match ${media.schema.$ref}: ${this.ajv.errorsText(validate.errors, { separator: '\n  ' })}\n${JSON.stringify(body).slice(0, 600)}`,
      );
  }

  private checkProblem(where: string, headers: Headers, body: unknown): void {
    if (!(headers.get('content-type') ?? '').startsWith('application/problem+json'))
      throw new Error(`${where}: not application/problem+json`);
    const validate = this.validator('#/components/schemas/Problem');
    if (!validate(body)) throw new Error(`${where}: not a problem: ${this.ajv.errorsText(validate.errors)}`);
  }
}
