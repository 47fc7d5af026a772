import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { env } from '../env';
import { signInWithPassword } from './sign-in';
import { userForOAuth } from './oauth-user';

function providers(): AuthOptions['providers'] {
  const { GITHUB_ID, GITHUB_SECRET, GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET } = env();
  const list: AuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      authorize: (credentials) => signInWithPassword(credentials?.email ?? '', credentials?.password ?? ''),
    }),
  ];
  if (GITHUB_ID && GITHUB_SECRET) list.push(GitHubProvider({ clientId: GITHUB_ID, clientSecret: GITHUB_SECRET }));
  if (GOOGLE_CLIENT_ID && GOOGLE_CLIENT_SECRET) {
    list.push(GoogleProvider({ clientId: GOOGLE_CLIENT_ID, clientSecret: GOOGLE_CLIENT_SECRET }));
  }
  return list;
}

/**
 * Sessions are signed JWTs in an HttpOnly, SameSite=Lax cookie (Secure when NEXTAUTH_URL is
 * https): any app instance with the same secret can read them, none needs a session store.
 */
export function authOptions(): AuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    providers: providers(),
    pages: { signIn: '/signin' },
    callbacks: {
      async signIn({ user, account }) {
        if (!account || account.type === 'credentials') return true;
        const linked = await userForOAuth(account.provider, account.providerAccountId, user);
        Object.assign(user, linked);
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = (user as { role?: string }).role ?? 'USER';
          token.name = user.name;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) {
          Object.assign(session.user, { id: token.uid, role: token.role });
        }
        return session;
      },
    },
  };
}
