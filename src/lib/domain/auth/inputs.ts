import { z } from 'zod';
import { DEPARTMENTS, ROLES } from '../crm/vocabulary';
import { choice, email, requiredText } from '../forms/fields';

export const password = z
	.string({ error: 'Enter a password.' })
	.min(10, 'Use at least 10 characters for your password.')
	.max(200, 'Keep your password under 200 characters.');

export const signUpInput = z.object({
	name: requiredText('your name', 100),
	email,
	password,
	workspaceName: requiredText('a name for your workspace', 80),
	department: choice(DEPARTMENTS, 'your department')
});

export const joinInput = z.object({ name: requiredText('your name', 100), email, password });

export const logInInput = z.object({
	email,
	password: z.string().min(1, 'Enter your password.')
});

export const changePasswordInput = z
	.object({
		currentPassword: z.string().min(1, 'Enter your current password.'),
		newPassword: password,
		confirmPassword: z.string()
	})
	.refine((v) => v.newPassword === v.confirmPassword, {
		path: ['confirmPassword'],
		message: 'The two new passwords do not match.'
	});

export const inviteInput = z.object({
	role: choice(ROLES, 'a role'),
	department: choice(DEPARTMENTS, 'a department')
});

export const memberUpdateInput = z.object({
	userId: z.uuid('Choose a member.'),
	role: choice(ROLES, 'a role'),
	department: choice(DEPARTMENTS, 'a department')
});
