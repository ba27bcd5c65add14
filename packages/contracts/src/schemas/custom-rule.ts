import type Joi from 'joi';

/**
 * The validation state of one field inside the object a custom rule checks, so that the rule's error
 * names that field (`data.days_late`) rather than the whole object.
 */
export function at(helpers: Joi.CustomHelpers, field: string): Joi.State {
  const state = helpers.state as Joi.State & { localize(path: (string | number)[]): Joi.State };
  return state.localize([...(state.path ?? []), field]);
}
