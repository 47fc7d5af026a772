import { toApiError } from '../db/errors';
import { ApiError } from '../http/errors';
import { clientIp, hit, RULES } from '../rate-limit';

/** Counts a password sign-in attempt; returns the 429 to send when over the limit. */
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
    const perIp = await hit(RULES.signInPerIp, clientIp(req.headers));
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
