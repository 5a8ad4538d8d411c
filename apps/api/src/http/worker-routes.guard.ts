import { type CanActivate, type ExecutionContext, NotFoundException } from '@nestjs/common';

const WORKER_ROUTES = /^\/(health|metrics)(\/|\?|$)/;

/** A ROLE=worker process answers only its health and metrics; the API is served by the api processes. */
export class WorkerRoutesGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const url = context.switchToHttp().getRequest<{ url: string }>().url;
    if (WORKER_ROUTES.test(url)) return true;
    throw new NotFoundException('this process runs ROLE=worker: it serves /health and /metrics only');
  }
}
