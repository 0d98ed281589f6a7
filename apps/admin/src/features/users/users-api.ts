import type {
  TAdminUser,
  TAdminUserDetail,
  TAdminUsersQuery,
  TChangeRoleRequest,
} from '@localkart/contracts/admin';
import { api, data, page, queryString, type Page } from '../../app/api';

type Change = { userId: string; reason: string };

/**
 * A change to an account refreshes the list and that user; a provider's account also shows in
 * the verification screens (suspended badge), so their copy of the provider is refetched too.
 */
const invalidates = (result: TAdminUserDetail | undefined, _error: unknown, { userId }: Change) => [
  'AdminUsers' as const,
  { type: 'AdminUser' as const, id: userId },
  ...(result?.providerId
    ? ['VerificationQueue' as const, { type: 'AdminProvider' as const, id: result.providerId }]
    : []),
];

export const usersApi = api
  .enhanceEndpoints({
    addTagTypes: ['AdminUsers', 'AdminUser', 'VerificationQueue', 'AdminProvider'],
  })
  .injectEndpoints({
    endpoints: (build) => ({
      // The contract's parsed values; `queryString` writes them back as the API reads them.
      adminUsers: build.query<Page<TAdminUser>, Partial<TAdminUsersQuery>>({
        query: (params) => `api/admin/users?${queryString(params)}`,
        transformResponse: page<TAdminUser>,
        providesTags: ['AdminUsers'],
      }),
      adminUser: build.query<TAdminUserDetail, string>({
        query: (id) => `api/admin/users/${encodeURIComponent(id)}`,
        transformResponse: data<TAdminUserDetail>,
        providesTags: (_result, _error, id) => [{ type: 'AdminUser', id }],
      }),
      setUserActive: build.mutation<TAdminUserDetail, Change & { active: boolean }>({
        query: ({ userId, active, reason }) => ({
          url: `api/admin/users/${encodeURIComponent(userId)}/${active ? 'reactivate' : 'suspend'}`,
          method: 'POST',
          body: { reason },
        }),
        transformResponse: data<TAdminUserDetail>,
        invalidatesTags: invalidates,
      }),
      changeUserRole: build.mutation<TAdminUserDetail, Change & Pick<TChangeRoleRequest, 'role'>>({
        query: ({ userId, role, reason }) => ({
          url: `api/admin/users/${encodeURIComponent(userId)}/role`,
          method: 'PUT',
          body: { role, reason } satisfies TChangeRoleRequest,
        }),
        transformResponse: data<TAdminUserDetail>,
        invalidatesTags: invalidates,
      }),
    }),
  });

export const {
  useAdminUsersQuery,
  useAdminUserQuery,
  useSetUserActiveMutation,
  useChangeUserRoleMutation,
} = usersApi;
