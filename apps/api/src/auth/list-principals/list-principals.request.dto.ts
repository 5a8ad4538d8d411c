import { PageRequestDto } from '../../http/page-request.dto';

/** Principals in id order, a page at a time (limit up to 500, the opaque cursor of the page before). */
export class ListPrincipalsRequestDto extends PageRequestDto {}
