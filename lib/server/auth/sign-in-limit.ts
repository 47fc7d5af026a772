import { toApiError } from '../db/errors';
import { ApiError } from '../http/errors';
import { CLIENT_ADDRESS_HEADER } from '../client-address';
import { hit, RULES } from '../rate-limit';

/**
 * Counts a password sign-in attempt, per client address and per email; returns the 429 to send when
 * over either limit. The address is the one the server took from the socket (CLIENT_ADDRESS_HEADER).
 */
export async function signInRateLimit(req: Request): Promise<ApiError | null> {
  try {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    const email =
      String(form?.get('email') ?? '')
        .trim()
        .toLowerCase() || '-';
    const perIp = await hit(RULES.signInPerIp, req.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown');
    const perEmail = await hit(RULES.signInPerEmail, email);
    if (perIp.allowed && perEmail.allowed) return null;
    const wait = Math.max(
      perIp.allowed ? 0 : perIp.retryAfterSeconds,
      perEmail.allowed ? 0 : perEmail.retryAfterSeconds,
    );
    return new ApiError('rate_limited', `Too many sign-in attempts; try again in ${wait} s.`, undefined, {
      'Retry-After': String(wait),
    });
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError) return apiError;
    throw error;
  }
}
