import type { Lang } from '../i18n';

type Mail = { subject: string; text: string };
type Template = (p: { name: string; link: string }) => Mail;

/** The e-mails the identity feature sends, in the recipient's language. */
const templates: Record<string, Record<Lang, Template>> = {
  verify: {
    fr: (p) => ({
      subject: 'Raqmana : confirmez votre adresse',
      text: `Bonjour ${p.name},\n\nConfirmez votre adresse en ouvrant ce lien (valable 24 heures) :\n${p.link}\n\nSi vous n'avez pas demandé ce compte, ignorez ce message.`,
    }),
    ar: (p) => ({
      subject: 'رقمنة: تأكيد عنوان بريدك',
      text: `مرحبا ${p.name}،\n\nأكدوا عنوان بريدكم بفتح هذا الرابط (صالح لمدة 24 ساعة):\n${p.link}\n\nإذا لم تطلبوا هذا الحساب، تجاهلوا هذه الرسالة.`,
    }),
    en: (p) => ({
      subject: 'Raqmana: confirm your address',
      text: `Hello ${p.name},\n\nConfirm your address by opening this link (valid for 24 hours):\n${p.link}\n\nIf you did not ask for this account, ignore this message.`,
    }),
  },
  exists: {
    fr: (p) => ({
      subject: 'Raqmana : vous avez déjà un compte',
      text: `Bonjour,\n\nUne inscription a été demandée avec cette adresse, mais vous avez déjà un compte. Connectez-vous ou réinitialisez votre mot de passe :\n${p.link}`,
    }),
    ar: (p) => ({
      subject: 'رقمنة: لديكم حساب بالفعل',
      text: `مرحبا،\n\nطُلب تسجيل بهذا العنوان، لكن لديكم حساب بالفعل. سجلوا الدخول أو أعيدوا تعيين كلمة المرور:\n${p.link}`,
    }),
    en: (p) => ({
      subject: 'Raqmana: you already have an account',
      text: `Hello,\n\nSomeone asked to sign up with this address, but you already have an account. Sign in or reset your password:\n${p.link}`,
    }),
  },
  reset: {
    fr: (p) => ({
      subject: 'Raqmana : réinitialisation du mot de passe',
      text: `Bonjour ${p.name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure) :\n${p.link}\n\nSi vous n'avez rien demandé, ignorez ce message.`,
    }),
    ar: (p) => ({
      subject: 'رقمنة: إعادة تعيين كلمة المرور',
      text: `مرحبا ${p.name}،\n\nلاختيار كلمة مرور جديدة، افتحوا هذا الرابط (صالح لمدة ساعة):\n${p.link}\n\nإذا لم تطلبوا شيئا، تجاهلوا هذه الرسالة.`,
    }),
    en: (p) => ({
      subject: 'Raqmana: password reset',
      text: `Hello ${p.name},\n\nTo choose a new password, open this link (valid for 1 hour):\n${p.link}\n\nIf you did not ask for this, ignore this message.`,
    }),
  },
  invite: {
    fr: (p) => ({
      subject: 'Raqmana : invitation',
      text: `Bonjour ${p.name},\n\nVous êtes invité(e) à rejoindre Raqmana. Choisissez votre mot de passe en ouvrant ce lien (valable 7 jours) :\n${p.link}`,
    }),
    ar: (p) => ({
      subject: 'رقمنة: دعوة',
      text: `مرحبا ${p.name}،\n\nأنتم مدعوون للانضمام إلى رقمنة. اختاروا كلمة المرور بفتح هذا الرابط (صالح لمدة 7 أيام):\n${p.link}`,
    }),
    en: (p) => ({
      subject: 'Raqmana: invitation',
      text: `Hello ${p.name},\n\nYou are invited to join Raqmana. Choose your password by opening this link (valid for 7 days):\n${p.link}`,
    }),
  },
};

export function mail(kind: keyof typeof templates, lang: string, p: { name: string; link: string }): Mail {
  const set = templates[kind]!;
  const l: Lang = lang === 'ar' || lang === 'en' ? lang : 'fr';
  return set[l](p);
}
