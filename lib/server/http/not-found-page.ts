import { notFound } from 'next/navigation';
import { ApiError } from './errors';

/** In a page, a missing record renders the 404 page rather than an error. */
export async function notFoundPage<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}
