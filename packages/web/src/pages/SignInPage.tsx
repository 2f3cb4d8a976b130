import { useState, type FormEvent } from "react";
import { useLocation, useNavigate } from "react-router";
import { gql, useMutation } from "urql";
import { Button } from "../components/Button.js";
import { ErrorSummary } from "../components/ErrorSummary.js";
import { TextInput } from "../components/Field.js";
import { useSession } from "../session/SessionContext.js";

const LOGIN = gql`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      csrfToken
      staffMember {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

/** Sign in with email and password. */
export function SignInPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [{ fetching }, login] = useMutation(LOGIN);
  const { refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const expired = new URLSearchParams(location.search).get("expired") === "1";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!email.trim()) found.email = "Enter your email address";
    if (!password) found.password = "Enter your password";
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await login({ input: { email, password } });
    const payload = result.data?.login as { csrfToken: string | null; userErrors: { message: string }[] } | undefined;
    if (!payload?.csrfToken) {
      setErrors({ "": payload?.userErrors[0]?.message ?? "Sign-in failed. Try again." });
      return;
    }
    await refresh();
    navigate("/", { replace: true });
  };

  return (
    <div className="narrow">
      <h1>Sign in to Waymark</h1>
      {expired && <p className="inset">Your session ended, so you have been signed out. Sign in again to carry on.</p>}
      <ErrorSummary errors={errors} formId="sign-in" />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextInput formId="sign-in" name="email" label="Email address" type="email" autoComplete="username" value={email} onChange={setEmail} error={errors.email} />
        <TextInput formId="sign-in" name="password" label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={errors.password} />
        <Button type="submit" busy={fetching}>
          Sign in
        </Button>
      </form>
    </div>
  );
}
