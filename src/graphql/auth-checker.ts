import { AuthChecker } from 'type-graphql';
import { Role } from '../auth/principal';
import { Context } from './context';

export const READ_ROLES: Role[] = ['analyst', 'admin'];
export const WRITE_ROLES: Role[] = ['loader', 'admin'];
export const ADMIN_ROLES: Role[] = ['admin'];

/** `@Authorized(...roles)`: the caller needs one of the roles (authentication happened in the context). */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) =>
  roles.length === 0 || roles.some((role) => context.principal.roles.includes(role));
