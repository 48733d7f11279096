import { NewPasswordPage } from '../forms/NewPasswordPage';

/** `/reset-password?token=`: the link of the password reset e-mail. */
export function ResetPassword() {
  return <NewPasswordPage texts="reset" endpoint="/auth/password/reset" retry="/forgot-password" />;
}
