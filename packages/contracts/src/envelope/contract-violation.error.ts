import type Joi from 'joi';

/** One rejected field: its dotted path (`lines.0.price_cents`) and what is wrong with it. */
export interface ContractViolationDetail {
  path: string;
  message: string;
}

export function violationDetails(error: Joi.ValidationError): ContractViolationDetail[] {
  return error.details.map((item) => ({ path: item.path.join('.'), message: item.message }));
}

/** Thrown by createEnvelope when the data or the envelope attributes break the contract. */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';

  constructor(
    readonly type: string,
    readonly version: number,
    readonly details: ContractViolationDetail[],
    /** joi's own details, for callers that want the raw context. */
    readonly joiDetails: Joi.ValidationErrorItem[] = [],
  ) {
    super(
      `${type} v${version} breaks its contract: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
    );
  }
}
