import { z } from 'zod';

/** One schema for the sign-up form and the server that receives it. */
export const signUpSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, 'Email is too long.').pipe(z.email('Enter a valid email address.')),
  name: z
    .string()
    .trim()
    .min(1, 'Enter a name others will see beside your tags.')
    .max(80, 'Name is at most 80 characters.'),
  password: z
    .string()
    .min(8, 'Password must be at least 8 characters.')
    .max(200, 'Password is at most 200 characters.'),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
