import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@ceasefire/mvm';

/** The authenticated principal, as the bearer guard found it. */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<{ actor: Actor }>().actor,
);
