/**
 * A form action (use:focusFirstError) for forms that post without JavaScript's help: when the
 * page comes back with the form's errors, focus goes to the first field marked invalid, so a
 * keyboard or screen-reader user lands on what to fix instead of the top of the page.
 */
export function focusFirstError(form: HTMLFormElement) {
	form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
