import { NewPasswordPage } from '../forms/NewPasswordPage';

/** `/accept-invitation?token=`: the link of the invitation e-mail an agent receives. */
export function AcceptInvitation() {
  return <NewPasswordPage texts="invitation" endpoint="/auth/invitations/accept" />;
}
