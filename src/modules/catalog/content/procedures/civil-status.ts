import type { Competence, LegalText, ProcedureSource, RequiredDocument } from '../types';
import { CODE_FAMILLE, LOI_36_21, LOI_37_99, LOI_55_19, LO_113_14 } from '../legal-texts';

/** Civil status: births, deaths, marriage, family booklet, extracts and copies, rectification, change of name. */

const DECRET_2_99_665: LegalText = {
  id: 'decret-2-99-665',
  title: {
    fr: "Décret n° 2-99-665 du 2 chaabane 1423 (9 octobre 2002) pris pour l'application de la loi n° 37-99 relative à l'état civil",
    ar: 'المرسوم رقم 2.99.665 الصادر في 2 شعبان 1423 (9 أكتوبر 2002) لتطبيق القانون رقم 37.99 المتعلق بالحالة المدنية',
  },
  bulletin: 'BO n° 5054 du 7 novembre 2002',
};

const LOI_15_01: LegalText = {
  id: 'loi-15-01',
  title: {
    fr: 'Loi n° 15-01 relative à la prise en charge (kafala) des enfants abandonnés',
    ar: 'القانون رقم 15.01 المتعلق بكفالة الأطفال المهملين',
    en: 'Law No. 15-01 on the care (kafala) of abandoned children',
  },
  reference: 'Dahir n° 1-02-172 du 1er rabii II 1423 (13 juin 2002)',
};

const COMMUNE_EC: Competence = {
  orgType: 'commune',
  service: { fr: "Bureau d'état civil", ar: 'مكتب الحالة المدنية', en: 'Civil status office' },
};

const FAMILY_COURT: Competence = {
  orgType: 'court',
  service: {
    fr: 'Section de la justice de la famille du tribunal de première instance',
    ar: 'قسم قضاء الأسرة بالمحكمة الابتدائية',
    en: 'Family division of the court of first instance',
  },
};

const CNIE_COPY: RequiredDocument = {
  key: 'cnie',
  name: { fr: 'CNIE du déclarant (présentation)', ar: 'البطاقة الوطنية للمصرح (الإدلاء بها)', en: "Declarant's identity card" },
  form: 'original',
  copies: 1,
};

const LIVRET: RequiredDocument = {
  key: 'family-booklet',
  name: { fr: 'Livret de famille', ar: 'الدفتر العائلي', en: 'Family booklet' },
  form: 'original',
  copies: 1,
  issuer: { fr: "Bureau d'état civil", ar: 'مكتب الحالة المدنية' },
};

export const civilStatus: ProcedureSource[] = [
  {
    slug: 'declaration-naissance',
    owner: 'MIN-INTERIEUR',
    title: { fr: 'Déclaration de naissance', ar: 'التصريح بالولادة', en: 'Birth registration' },
    summary: {
      fr: "Déclarer la naissance d'un enfant à l'officier de l'état civil du lieu de naissance dans les trente jours, pour établir son acte de naissance et l'inscrire au livret de famille.",
      ar: 'التصريح بولادة طفل لدى ضابط الحالة المدنية لمكان الولادة داخل أجل ثلاثين يوما، قصد تحرير رسم ولادته وتقييده بالدفتر العائلي.',
      en: 'Declare the birth of a child to the civil status officer of the place of birth within thirty days.',
    },
    audiences: ['citizens'],
    categories: ['civil_status'],
    lifeEvents: ['birth'],
    competence: [COMMUNE_EC],
    channels: [
      {
        kind: 'counter',
        where: {
          fr: "Bureau d'état civil de la commune du lieu de naissance (ou bureau installé dans certaines maternités)",
          ar: 'مكتب الحالة المدنية بجماعة مكان الولادة (أو المكتب المحدث ببعض دور الولادة)',
        },
      },
    ],
    documents: [
      {
        key: 'birth-notice',
        name: {
          fr: "Attestation d'accouchement (avis de naissance)",
          ar: 'شهادة الولادة (الإشعار بالولادة)',
          en: 'Birth notice',
        },
        description: {
          fr: "Délivrée par l'établissement de santé, la sage-femme ou le médecin ; à défaut, une attestation administrative de naissance délivrée par l'autorité locale.",
          ar: 'تسلمها المؤسسة الصحية أو المولدة أو الطبيب، وإلا فشهادة إدارية بالولادة تسلمها السلطة المحلية.',
        },
        form: 'original',
        copies: 1,
        issuer: {
          fr: 'Maternité, hôpital, clinique ou autorité locale',
          ar: 'دار الولادة أو المستشفى أو المصحة أو السلطة المحلية',
        },
        legal: { ref: 'loi-36-21' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      },
      {
        ...LIVRET,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'marriage-act',
        name: { fr: 'Copie de l’acte de mariage des parents', ar: 'نسخة من عقد زواج الأبوين' },
        form: 'copy',
        copies: 1,
        optional: true,
        condition: {
          fr: "Si le mariage n'est pas encore mentionné au livret de famille",
          ar: 'إذا لم يكن الزواج مضمنا بعد بالدفتر العائلي',
        },
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        ...CNIE_COPY,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
    ],
    conditions: [
      {
        fr: "La déclaration est faite dans les trente jours de la naissance par le père ou la mère, ou à défaut par les personnes que la loi désigne (grand-parents, frère, tuteur, personne qui a assisté à l'accouchement…).",
        ar: 'يتم التصريح داخل أجل ثلاثين يوما من تاريخ الولادة من طرف الأب أو الأم، وإلا فمن طرف الأشخاص الذين يحددهم القانون (الجد، الأخ، الوصي، من حضر الولادة…).',
      },
      {
        fr: 'Passé ce délai, la naissance ne peut plus être inscrite que sur jugement déclaratif du tribunal.',
        ar: 'بعد انصرام هذا الأجل لا يمكن تسجيل الولادة إلا بناء على حكم تصريحي من المحكمة.',
      },
      {
        fr: 'Le prénom choisi doit avoir un caractère marocain et ne pas être un nom de famille, ni un nom composé de plus de deux prénoms, ni un nom de ville, de village ou de tribu, ni porter atteinte aux bonnes mœurs.',
        ar: 'يجب أن يكتسي الاسم الشخصي المختار طابعا مغربيا وألا يكون اسما عائليا أو اسما مركبا من أكثر من اسمين أو اسم مدينة أو قرية أو قبيلة، وألا يكون من شأنه أن يمس بالأخلاق أو النظام العام.',
      },
    ],
    fees: [
      {
        key: 'gratuit',
        label: { fr: 'Déclaration gratuite', ar: 'التصريح مجاني' },
        amountMad: 0,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: {
        fr: "L'acte est dressé séance tenante ; un extrait peut être délivré le jour même.",
        ar: 'يحرر الرسم في الحين، ويمكن تسليم نسخة موجزة منه في نفس اليوم.',
      },
      legal: { ref: 'loi-36-21' },
      editorNote:
        'Acte dressé séance tenante : aucun délai légal de réponse de l’administration identifié (le délai légal fixé par le texte est celui du déclarant). Article à vérifier sur le texte officiel.',
    },
    legalBasis: [LOI_36_21, LOI_37_99, DECRET_2_99_665, LO_113_14],
    steps: [
      { title: { fr: "Obtenir l'attestation d'accouchement", ar: 'الحصول على شهادة الولادة' } },
      {
        title: {
          fr: "Se présenter au bureau d'état civil dans les 30 jours",
          ar: 'الحضور إلى مكتب الحالة المدنية داخل أجل 30 يوما',
        },
        detail: { fr: 'Avec le livret de famille et la CNIE du déclarant.', ar: 'مع الدفتر العائلي والبطاقة الوطنية للمصرح.' },
      },
      { title: { fr: 'Choisir le prénom et signer l’acte', ar: 'اختيار الاسم الشخصي والتوقيع على الرسم' } },
      { title: { fr: "Faire inscrire l'enfant au livret de famille", ar: 'تقييد المولود في الدفتر العائلي' } },
    ],
    keywords: {
      fr: [
        'déclarer naissance',
        'naissance bébé',
        'inscrire enfant état civil',
        'nouveau-né',
        'enregistrement naissance',
        'prénom enfant',
      ],
      ar: ['التصريح بالازدياد', 'تسجيل المولود', 'تسجيل الولادة', 'ازدياد مولود', 'الحالة المدنية', 'تسجيل الطفل'],
      darija: ['tsjil lwild', 'tsrih b lwilada', 'zyada', 'sjel drari f l7ala lmadania', 'tsjil bebe'],
    },
    related: ['declaration-naissance-hors-delai', 'livret-famille', 'extrait-acte-naissance'],
    source: 'https://www.idarati.ma',
  },
  {
    slug: 'declaration-naissance-hors-delai',
    owner: 'MIN-JUSTICE',
    title: {
      fr: 'Naissance non déclarée dans le délai : jugement déclaratif de naissance',
      ar: 'ولادة غير مصرح بها داخل الأجل: الحكم التصريحي بالولادة',
      en: 'Late birth registration: declaratory judgment of birth',
    },
    summary: {
      fr: "Lorsque la naissance n'a pas été déclarée dans le délai légal de trente jours, elle ne peut être inscrite à l'état civil qu'en vertu d'un jugement du tribunal de première instance.",
      ar: 'إذا لم يصرح بالولادة داخل الأجل القانوني المحدد في ثلاثين يوما، فلا يمكن تسجيلها بالحالة المدنية إلا بمقتضى حكم صادر عن المحكمة الابتدائية.',
      en: 'A birth not declared within thirty days can only be registered under a judgment of the court of first instance.',
    },
    audiences: ['citizens', 'mre'],
    categories: ['civil_status', 'justice'],
    lifeEvents: ['birth'],
    competence: [FAMILY_COURT],
    channels: [
      {
        kind: 'counter',
        where: {
          fr: 'Tribunal de première instance (section de la justice de la famille) du lieu de naissance ou de résidence',
          ar: 'المحكمة الابتدائية (قسم قضاء الأسرة) لمكان الولادة أو السكنى',
        },
      },
    ],
    documents: [
      {
        key: 'request',
        name: { fr: 'Requête adressée au tribunal', ar: 'مقال أو طلب موجه إلى المحكمة' },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'birth-proof',
        name: {
          fr: "Attestation d'accouchement ou attestation administrative de naissance",
          ar: 'شهادة الولادة أو الشهادة الإدارية بالولادة',
        },
        form: 'original',
        copies: 1,
        issuer: { fr: 'Établissement de santé ou autorité locale', ar: 'المؤسسة الصحية أو السلطة المحلية' },
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'non-registration',
        name: {
          fr: "Certificat de non-inscription à l'état civil",
          ar: 'شهادة عدم التسجيل بالحالة المدنية',
        },
        form: 'original',
        copies: 1,
        issuer: { fr: "Bureau d'état civil du lieu de naissance", ar: 'مكتب الحالة المدنية لمكان الولادة' },
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        ...LIVRET,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'parents-id',
        name: { fr: 'Copie de la CNIE du demandeur', ar: 'نسخة من البطاقة الوطنية للطالب' },
        form: 'copy',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
    ],
    conditions: [
      {
        fr: "Le jugement est transmis à l'officier de l'état civil qui dresse l'acte de naissance sur sa base.",
        ar: 'يوجه الحكم إلى ضابط الحالة المدنية الذي يحرر رسم الولادة بناء عليه.',
      },
    ],
    fees: [],
    delay: {
      usual: {
        fr: 'En général quelques semaines selon le tribunal ; la procédure comporte une enquête.',
        ar: 'عادة بضعة أسابيع حسب المحكمة؛ وتتضمن المسطرة بحثا.',
      },
      legal: { ref: 'loi-36-21' },
      editorNote:
        "Décision de justice : la loi 55.19 (actes administratifs) ne paraît pas s'appliquer et aucun délai légal de réponse n'a été identifié dans ce texte. Texte et article à vérifier sur le texte officiel.",
    },
    legalBasis: [LOI_36_21, LOI_37_99, DECRET_2_99_665],
    steps: [
      {
        title: {
          fr: "Demander un certificat de non-inscription au bureau d'état civil",
          ar: 'طلب شهادة عدم التسجيل من مكتب الحالة المدنية',
        },
      },
      { title: { fr: 'Déposer la requête au tribunal de première instance', ar: 'إيداع الطلب لدى المحكمة الابتدائية' } },
      { title: { fr: 'Enquête et jugement', ar: 'البحث وصدور الحكم' } },
      {
        title: {
          fr: "Inscription de la naissance par l'officier de l'état civil",
          ar: 'تسجيل الولادة من طرف ضابط الحالة المدنية',
        },
      },
    ],
    keywords: {
      fr: ['jugement déclaratif', 'naissance non déclarée', 'retard déclaration naissance', 'enfant non inscrit état civil'],
      ar: ['حكم تصريحي بالولادة', 'التسجيل خارج الأجل', 'ولادة غير مسجلة', 'عدم التسجيل في الحالة المدنية'],
      darija: ['wild ma msjlch', 'tsjil m3te3el', 'l7okm dyal zyada', 'makhdamch l7ala lmadania'],
    },
    related: ['declaration-naissance', 'rectification-acte-etat-civil'],
    source: 'https://www.idarati.ma',
  },
  {
    slug: 'extrait-acte-naissance',
    owner: 'MIN-INTERIEUR',
    title: {
      fr: "Extrait d'acte de naissance",
      ar: 'نسخة موجزة من رسم الولادة',
      en: 'Birth certificate extract',
    },
    summary: {
      fr: "Obtenir un extrait de son acte de naissance (ou de celui de son enfant), au bureau d'état civil ou en ligne sur watiqa.ma avec livraison à domicile.",
      ar: 'الحصول على نسخة موجزة من رسم الولادة (للمعني أو لابنه) لدى مكتب الحالة المدنية أو عبر الإنترنت في watiqa.ma مع التوصل بها في المنزل.',
      en: 'Obtain an extract of a birth certificate at the civil status office or online on watiqa.ma with home delivery.',
    },
    audiences: ['citizens', 'mre'],
    categories: ['civil_status', 'certificates'],
    lifeEvents: ['birth'],
    competence: [COMMUNE_EC],
    channels: [
      {
        kind: 'online',
        where: {
          fr: 'Demande en ligne et livraison par la poste (service payant)',
          ar: 'الطلب عبر الإنترنت والتوصل عبر البريد (خدمة مؤدى عنها)',
        },
        url: 'https://www.watiqa.ma',
      },
      {
        kind: 'counter',
        where: { fr: "Bureau d'état civil de la commune de naissance", ar: 'مكتب الحالة المدنية بجماعة الولادة' },
      },
      {
        kind: 'counter',
        where: { fr: 'Consulat, pour les naissances inscrites à l’étranger', ar: 'القنصلية، بالنسبة للولادات المسجلة بالخارج' },
      },
    ],
    documents: [
      {
        key: 'identity',
        name: {
          fr: "CNIE du demandeur ou références de l'acte (numéro, année, commune)",
          ar: 'البطاقة الوطنية للطالب أو مراجع الرسم (الرقم، السنة، الجماعة)',
        },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'livret',
        name: {
          fr: 'Livret de famille (facultatif, pour retrouver l’acte)',
          ar: 'الدفتر العائلي (اختياري، لتسهيل البحث عن الرسم)',
        },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'Si les références de l’acte ne sont pas connues', ar: 'إذا كانت مراجع الرسم غير معروفة' },
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
    ],
    conditions: [
      {
        fr: "L'extrait est délivré à l'intéressé, à ses ascendants, descendants, conjoint, ou à leur mandataire.",
        ar: 'تسلم النسخة الموجزة للمعني بالأمر أو لأصوله أو فروعه أو زوجه أو لمن ينوب عنهم.',
      },
      {
        fr: "En vertu de la loi n° 55-19, une administration ne peut exiger un extrait de moins de trois mois que si un texte le prévoit ; la CNIE suffit souvent à prouver l'identité.",
        ar: 'طبقا للقانون رقم 55.19، لا يجوز للإدارة أن تطلب نسخة لا يتعدى تاريخها ثلاثة أشهر إلا إذا نص على ذلك نص؛ وغالبا ما تكفي البطاقة الوطنية لإثبات الهوية.',
      },
    ],
    fees: [
      {
        key: 'counter',
        label: { fr: 'Délivrance au guichet', ar: 'التسليم بالشباك' },
        amountMad: 0,
        legal: { ref: 'loi-36-21' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: {
        fr: 'Immédiat au guichet ; quelques jours par la poste via watiqa.ma.',
        ar: 'فوري بالشباك؛ وبضعة أيام عبر البريد بواسطة watiqa.ma.',
      },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_36_21, LOI_37_99, DECRET_2_99_665, LOI_55_19],
    steps: [
      {
        title: { fr: 'En ligne : remplir la demande sur www.watiqa.ma', ar: 'عبر الإنترنت: ملء الطلب في www.watiqa.ma' },
        detail: {
          fr: "Indiquer les références de l'acte et l'adresse de livraison, puis payer en ligne.",
          ar: 'إدخال مراجع الرسم وعنوان التوصل ثم الأداء عبر الإنترنت.',
        },
      },
      {
        title: { fr: "Ou au guichet : se présenter au bureau d'état civil", ar: 'أو بالشباك: الحضور إلى مكتب الحالة المدنية' },
      },
      { title: { fr: "Recevoir l'extrait", ar: 'التوصل بالنسخة الموجزة' } },
    ],
    keywords: {
      fr: ['acte de naissance', 'extrait naissance', 'extrait de naissance', 'acte naissance en ligne', 'watiqa', 'papier vert'],
      ar: ['عقد الازدياد', 'رسم الولادة', 'نسخة موجزة', 'موجز رسم الولادة', 'شهادة الميلاد', 'عقد الولادة'],
      darija: ['3a9d lizdiyad', '3a9d zyada', 'l3a9d', 'akd lizdiad', 'nsakha mojaza', 'extrait'],
    },
    related: ['copie-integrale-acte-naissance', 'declaration-naissance', 'rectification-acte-etat-civil'],
    source: 'https://www.watiqa.ma',
  },
  {
    slug: 'copie-integrale-acte-naissance',
    owner: 'MIN-INTERIEUR',
    title: {
      fr: "Copie intégrale de l'acte de naissance",
      ar: 'نسخة كاملة من رسم الولادة',
      en: 'Full copy of the birth certificate',
    },
    summary: {
      fr: "Obtenir la copie intégrale de l'acte de naissance, qui reproduit l'acte avec toutes ses mentions marginales (mariage, divorce, décès, rectification).",
      ar: 'الحصول على نسخة كاملة من رسم الولادة تتضمن جميع بيانات الرسم وبياناته الهامشية (الزواج، الطلاق، الوفاة، التصحيح).',
      en: 'Obtain the full copy of the birth record with all its marginal notes.',
    },
    audiences: ['citizens', 'mre'],
    categories: ['civil_status', 'certificates'],
    lifeEvents: ['birth', 'marriage'],
    competence: [COMMUNE_EC],
    channels: [
      {
        kind: 'online',
        where: { fr: 'Demande en ligne avec livraison postale', ar: 'الطلب عبر الإنترنت مع التوصل عبر البريد' },
        url: 'https://www.watiqa.ma',
      },
      {
        kind: 'counter',
        where: { fr: "Bureau d'état civil de la commune de naissance", ar: 'مكتب الحالة المدنية بجماعة الولادة' },
      },
    ],
    documents: [
      {
        key: 'identity',
        name: { fr: 'CNIE du demandeur', ar: 'البطاقة الوطنية للطالب' },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'mandate',
        name: { fr: 'Procuration légalisée', ar: 'وكالة مصادق عليها' },
        form: 'original',
        copies: 1,
        optional: true,
        condition: {
          fr: "Si le demandeur n'est ni l'intéressé, ni un ascendant, descendant ou conjoint",
          ar: 'إذا لم يكن الطالب هو المعني بالأمر أو أحد أصوله أو فروعه أو زوجه',
        },
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
    ],
    conditions: [
      {
        fr: "La copie intégrale n'est délivrée qu'à l'intéressé, à ses ascendants, descendants, conjoint, tuteur ou à leur mandataire, ou sur réquisition de l'autorité judiciaire.",
        ar: 'لا تسلم النسخة الكاملة إلا للمعني بالأمر أو لأصوله أو فروعه أو زوجه أو الوصي أو المقدم عليه أو لمن ينوب عنهم، أو بطلب من السلطة القضائية.',
      },
    ],
    fees: [
      {
        key: 'counter',
        label: { fr: 'Délivrance au guichet', ar: 'التسليم بالشباك' },
        amountMad: 0,
        legal: { ref: 'loi-36-21' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: { fr: 'Immédiat au guichet ; quelques jours via watiqa.ma.', ar: 'فوري بالشباك؛ وبضعة أيام عبر watiqa.ma.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_36_21, LOI_37_99, DECRET_2_99_665, LOI_55_19],
    steps: [
      { title: { fr: 'Demander en ligne sur www.watiqa.ma ou au guichet', ar: 'تقديم الطلب عبر www.watiqa.ma أو بالشباك' } },
      {
        title: {
          fr: "Justifier de son identité et de son lien avec l'intéressé",
          ar: 'إثبات الهوية وصلة القرابة بالمعني بالأمر',
        },
      },
      { title: { fr: 'Recevoir la copie intégrale', ar: 'التوصل بالنسخة الكاملة' } },
    ],
    keywords: {
      fr: ['copie intégrale', 'copie integrale', 'acte intégral', 'acte de naissance complet', 'mentions marginales'],
      ar: ['نسخة كاملة', 'النسخة الكاملة من رسم الولادة', 'عقد الازدياد الكامل', 'البيانات الهامشية'],
      darija: ['nsakha kamla', 'copie integral', 'l3a9d lkamel', '3a9d zyada kamel'],
    },
    related: ['extrait-acte-naissance', 'dossier-mariage', 'certificat-celibat'],
    source: 'https://www.watiqa.ma',
  },
  {
    slug: 'declaration-deces',
    owner: 'MIN-INTERIEUR',
    title: { fr: 'Déclaration de décès', ar: 'التصريح بالوفاة', en: 'Death registration' },
    summary: {
      fr: "Déclarer un décès à l'officier de l'état civil du lieu du décès dans les trente jours, pour établir l'acte de décès et le mentionner en marge de l'acte de naissance.",
      ar: 'التصريح بالوفاة لدى ضابط الحالة المدنية لمكان الوفاة داخل أجل ثلاثين يوما، قصد تحرير رسم الوفاة وتضمينه بطرة رسم ولادة المتوفى.',
      en: 'Declare a death to the civil status officer of the place of death within thirty days.',
    },
    audiences: ['citizens'],
    categories: ['civil_status'],
    lifeEvents: ['death'],
    competence: [COMMUNE_EC],
    channels: [
      {
        kind: 'counter',
        where: { fr: "Bureau d'état civil de la commune du lieu du décès", ar: 'مكتب الحالة المدنية بجماعة مكان الوفاة' },
      },
    ],
    documents: [
      {
        key: 'death-certificate',
        name: { fr: 'Certificat médical de constatation du décès', ar: 'الشهادة الطبية المثبتة للوفاة' },
        description: {
          fr: "Établi par le médecin ou l'établissement de santé ; à défaut, attestation administrative de décès de l'autorité locale.",
          ar: 'يحررها الطبيب أو المؤسسة الصحية، وإلا فشهادة إدارية بالوفاة تسلمها السلطة المحلية.',
        },
        form: 'original',
        copies: 1,
        issuer: { fr: 'Médecin, hôpital ou autorité locale', ar: 'الطبيب أو المستشفى أو السلطة المحلية' },
        legal: { ref: 'loi-36-21' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      },
      {
        key: 'deceased-id',
        name: { fr: 'CNIE ou livret de famille du défunt', ar: 'البطاقة الوطنية أو الدفتر العائلي للمتوفى' },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        ...CNIE_COPY,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
    ],
    conditions: [
      {
        fr: "La déclaration est faite dans les trente jours par les proches du défunt (ascendants, descendants, conjoint, frères et sœurs…) ou par toute personne désignée par la loi ; au-delà, l'inscription nécessite un jugement.",
        ar: 'يتم التصريح داخل أجل ثلاثين يوما من طرف أقارب المتوفى (الأصول، الفروع، الزوج، الإخوة…) أو من يحدده القانون؛ وبعد ذلك يتطلب التسجيل حكما قضائيا.',
      },
    ],
    fees: [
      {
        key: 'gratuit',
        label: { fr: 'Déclaration gratuite', ar: 'التصريح مجاني' },
        amountMad: 0,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: { fr: "L'acte est dressé séance tenante.", ar: 'يحرر الرسم في الحين.' },
      legal: { ref: 'loi-36-21' },
      editorNote:
        'Acte dressé séance tenante : aucun délai légal de réponse de l’administration identifié (le délai légal fixé par le texte est celui du déclarant). Article à vérifier sur le texte officiel.',
    },
    legalBasis: [LOI_36_21, LOI_37_99, DECRET_2_99_665],
    steps: [
      { title: { fr: 'Obtenir le certificat de constatation du décès', ar: 'الحصول على الشهادة الطبية المثبتة للوفاة' } },
      { title: { fr: "Déclarer le décès au bureau d'état civil", ar: 'التصريح بالوفاة بمكتب الحالة المدنية' } },
      {
        title: { fr: "Obtenir le permis d'inhumer", ar: 'الحصول على رخصة الدفن' },
        detail: { fr: 'Délivré par les services communaux.', ar: 'تسلمه المصالح الجماعية.' },
      },
      { title: { fr: "Demander des extraits de l'acte de décès", ar: 'طلب نسخ موجزة من رسم الوفاة' } },
    ],
    keywords: {
      fr: ['décès', 'deces', 'déclarer un décès', 'mort', 'permis d’inhumer', 'enterrement', 'acte de décès'],
      ar: ['تسجيل الوفاة', 'التصريح بالوفاة', 'وفاة', 'رخصة الدفن', 'شهادة الوفاة'],
      darija: ['tsjil lwafat', 'lmout', 'wafat', 'rokhsat dfen', 'chahadat lwafat'],
    },
    related: ['extrait-acte-deces', 'livret-famille'],
    source: 'https://www.idarati.ma',
  },
  {
    slug: 'extrait-acte-deces',
    owner: 'MIN-INTERIEUR',
    title: { fr: "Extrait d'acte de décès", ar: 'نسخة موجزة من رسم الوفاة', en: 'Death certificate extract' },
    summary: {
      fr: "Obtenir un extrait de l'acte de décès, demandé notamment pour la succession, la pension de réversion ou la clôture de comptes.",
      ar: 'الحصول على نسخة موجزة من رسم الوفاة، التي تطلب خاصة في الإراثة ومعاش ذوي الحقوق وإغلاق الحسابات.',
      en: 'Obtain an extract of a death record, needed for inheritance, survivor pensions or closing accounts.',
    },
    audiences: ['citizens', 'mre'],
    categories: ['civil_status', 'certificates'],
    lifeEvents: ['death'],
    competence: [COMMUNE_EC],
    channels: [
      {
        kind: 'online',
        where: { fr: 'Demande en ligne avec livraison postale', ar: 'الطلب عبر الإنترنت مع التوصل عبر البريد' },
        url: 'https://www.watiqa.ma',
      },
      { kind: 'counter', where: { fr: "Bureau d'état civil du lieu du décès", ar: 'مكتب الحالة المدنية لمكان الوفاة' } },
    ],
    documents: [
      {
        key: 'identity',
        name: { fr: 'CNIE du demandeur', ar: 'البطاقة الوطنية للطالب' },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'references',
        name: {
          fr: "Références de l'acte de décès (numéro, année) ou livret de famille",
          ar: 'مراجع رسم الوفاة (الرقم، السنة) أو الدفتر العائلي',
        },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
    ],
    conditions: [
      {
        fr: "L'acte de décès doit avoir été dressé (voir la déclaration de décès).",
        ar: 'يجب أن يكون رسم الوفاة قد حرر (انظر التصريح بالوفاة).',
      },
    ],
    fees: [
      {
        key: 'counter',
        label: { fr: 'Délivrance au guichet', ar: 'التسليم بالشباك' },
        amountMad: 0,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: { fr: 'Immédiat au guichet.', ar: 'فوري بالشباك.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_36_21, LOI_37_99, DECRET_2_99_665, LOI_55_19],
    steps: [
      { title: { fr: 'Demander en ligne ou au guichet', ar: 'تقديم الطلب عبر الإنترنت أو بالشباك' } },
      {
        title: { fr: "Indiquer les références de l'acte et justifier de son identité", ar: 'الإدلاء بمراجع الرسم وإثبات الهوية' },
      },
      { title: { fr: "Recevoir l'extrait", ar: 'التوصل بالنسخة الموجزة' } },
    ],
    keywords: {
      fr: ['acte de décès', 'extrait décès', 'certificat de décès', 'acte deces'],
      ar: ['رسم الوفاة', 'شهادة الوفاة', 'نسخة موجزة من رسم الوفاة', 'عقد الوفاة'],
      darija: ['3a9d lwafat', 'chahadat lwafat', 'wra9a dyal lmout'],
    },
    related: ['declaration-deces', 'copie-integrale-acte-naissance'],
    source: 'https://www.watiqa.ma',
  },
  {
    slug: 'dossier-mariage',
    owner: 'MIN-JUSTICE',
    title: {
      fr: "Dossier de mariage (autorisation de conclure l'acte de mariage)",
      ar: 'ملف الزواج (الإذن بتوثيق عقد الزواج)',
      en: 'Marriage file (authorisation to draw up the marriage contract)',
    },
    summary: {
      fr: "Avant la conclusion du mariage par deux adouls, les futurs époux déposent un dossier à la section de la justice de la famille, dont le juge autorise l'établissement de l'acte.",
      ar: 'قبل توثيق عقد الزواج من طرف عدلين، يودع الخطيبان ملفا لدى قسم قضاء الأسرة، ويأذن القاضي المكلف بالزواج بتوثيق العقد.',
      en: 'Before the marriage is concluded by two adouls, the couple files a dossier with the family court, whose judge authorises the contract.',
    },
    audiences: ['citizens', 'mre'],
    categories: ['civil_status', 'justice'],
    lifeEvents: ['marriage'],
    competence: [FAMILY_COURT],
    channels: [
      {
        kind: 'counter',
        where: {
          fr: 'Secrétariat-greffe de la section de la justice de la famille du lieu de conclusion de l’acte',
          ar: 'كتابة الضبط بقسم قضاء الأسرة لمكان إبرام العقد',
        },
      },
    ],
    documents: [
      {
        key: 'form',
        name: {
          fr: "Formulaire de demande d'autorisation d'établir l'acte de mariage",
          ar: 'مطبوع خاص بطلب الإذن بتوثيق الزواج',
        },
        form: 'original',
        copies: 1,
        legal: { ref: 'code-famille', article: 'art. 65' },
      },
      {
        key: 'birth-extract',
        name: { fr: "Extrait d'acte de naissance de chacun des fiancés", ar: 'نسخة من رسم الولادة لكل من الخطيبين' },
        form: 'original',
        copies: 2,
        issuer: { fr: "Bureau d'état civil", ar: 'مكتب الحالة المدنية' },
        legal: { ref: 'code-famille', article: 'art. 65' },
      },
      {
        key: 'admin-certificate',
        name: { fr: 'Certificat administratif de chacun des fiancés', ar: 'شهادة إدارية لكل واحد من الخطيبين' },
        description: {
          fr: 'Précise notamment l’état matrimonial ; délivré par l’autorité locale du lieu de résidence.',
          ar: 'تبين على الخصوص الحالة العائلية؛ وتسلمها السلطة المحلية لمحل السكنى.',
        },
        form: 'original',
        copies: 2,
        issuer: { fr: 'Autorité locale', ar: 'السلطة المحلية' },
        legal: { ref: 'code-famille', article: 'art. 65' },
      },
      {
        key: 'medical',
        name: { fr: 'Certificat médical de chacun des fiancés', ar: 'شهادة طبية لكل واحد من الخطيبين' },
        form: 'original',
        copies: 2,
        issuer: { fr: 'Médecin', ar: 'طبيب' },
        legal: { ref: 'code-famille', article: 'art. 65' },
      },
      {
        key: 'cnie',
        name: { fr: 'Copie de la CNIE de chacun des fiancés', ar: 'نسخة من البطاقة الوطنية لكل واحد من الخطيبين' },
        form: 'copy',
        copies: 2,
        legal: { ref: 'code-famille' },
        editorNote:
          'Pièce non énumérée par l’article 65 du Code de la famille, demandée en pratique : texte qui l’exige à vérifier sur le texte officiel.',
      },
      {
        key: 'special-authorisation',
        name: { fr: 'Autorisation spéciale du juge', ar: 'إذن خاص من القاضي' },
        form: 'original',
        copies: 1,
        optional: true,
        condition: {
          fr: "En cas de mariage d'un mineur, de polygamie, de mariage d'une personne en situation de handicap mental, de convertis à l'islam ou d'étrangers",
          ar: 'في حالة زواج القاصر أو التعدد أو زواج الشخص المصاب بإعاقة ذهنية أو زواج معتنقي الإسلام والأجانب',
        },
        legal: { ref: 'code-famille', article: 'art. 65' },
      },
      {
        key: 'capacity',
        name: { fr: 'Certificat de capacité matrimoniale', ar: 'شهادة الأهلية للزواج' },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'Pour le fiancé ou la fiancée de nationalité étrangère', ar: 'بالنسبة للخطيب أو الخطيبة الأجنبي(ة)' },
        issuer: { fr: 'Autorités du pays du fiancé étranger', ar: 'سلطات بلد الخطيب الأجنبي' },
        legal: { ref: 'code-famille', article: 'art. 65' },
      },
    ],
    conditions: [
      {
        fr: "La capacité matrimoniale s'acquiert à 18 ans révolus pour l'homme et la femme ; le mariage d'un mineur exige une décision motivée du juge.",
        ar: 'تكتمل أهلية الزواج بإتمام الفتى والفتاة المتمتعين بقواهما العقلية ثمان عشرة سنة شمسية؛ ويتطلب زواج القاصر مقررا معللا من القاضي.',
      },
      {
        fr: "Le juge de la famille chargé du mariage vise le dossier avant la conclusion de l'acte ; l'acte est ensuite dressé par deux adouls et homologué.",
        ar: 'يؤشر قاضي الأسرة المكلف بالزواج على الملف قبل الإبرام، ثم يوثق العقد من طرف عدلين ويخاطب عليه.',
      },
    ],
    fees: [
      {
        key: 'dossier',
        label: {
          fr: 'Dépôt du dossier au tribunal (les honoraires des adouls sont dus à part, selon leur tarif)',
          ar: 'إيداع الملف بالمحكمة (تؤدى أجور العدول على حدة حسب تعريفتها)',
        },
        amountMad: 0,
        legal: { ref: 'code-famille' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: {
        fr: 'En général quelques jours pour le visa du juge ; davantage si une autorisation spéciale (mineur, polygamie) est requise.',
        ar: 'عادة بضعة أيام لتأشير القاضي؛ وأكثر إذا تطلب الأمر إذنا خاصا (قاصر، تعدد).',
      },
      legal: { ref: 'code-famille' },
      editorNote:
        'Autorisation du juge chargé du mariage : aucun délai légal de réponse identifié dans le Code de la famille ; la loi 55.19 (actes administratifs) ne paraît pas s’appliquer. Article à vérifier sur le texte officiel.',
    },
    legalBasis: [CODE_FAMILLE],
    steps: [
      { title: { fr: 'Réunir les pièces des deux fiancés', ar: 'تهيئة وثائق الخطيبين' } },
      { title: { fr: 'Déposer le dossier à la section de la justice de la famille', ar: 'إيداع الملف بقسم قضاء الأسرة' } },
      { title: { fr: "Obtenir l'autorisation du juge chargé du mariage", ar: 'الحصول على إذن القاضي المكلف بالزواج' } },
      { title: { fr: "Conclure l'acte de mariage devant deux adouls", ar: 'إبرام عقد الزواج أمام عدلين' } },
      {
        title: {
          fr: 'Faire mentionner le mariage à l’état civil et au livret de famille',
          ar: 'تضمين الزواج بالحالة المدنية وبالدفتر العائلي',
        },
      },
    ],
    keywords: {
      fr: ['mariage', 'se marier', 'acte de mariage', 'adoul', 'autorisation de mariage', 'dossier mariage', 'mariage mixte'],
      ar: ['عقد الزواج', 'ملف الزواج', 'الإذن بالزواج', 'توثيق الزواج', 'العدول', 'زواج مختلط'],
      darija: ['zwaj', 'l3ers', 'dossier dyal zwaj', '3a9d nikah', '3doul', 'bghit nzwej'],
    },
    related: ['livret-famille', 'certificat-celibat', 'transcription-mariage-etranger', 'copie-integrale-acte-naissance'],
    source: 'https://www.idarati.ma',
  },
  {
    slug: 'livret-famille',
    owner: 'MIN-INTERIEUR',
    title: { fr: 'Livret de famille', ar: 'الدفتر العائلي', en: 'Family booklet' },
    summary: {
      fr: "Obtenir le livret de famille après le mariage (ou un duplicata en cas de perte), document où sont inscrits les époux et leurs enfants d'après les actes de l'état civil.",
      ar: 'الحصول على الدفتر العائلي بعد الزواج (أو نظير منه في حالة الضياع)، وهو الوثيقة التي يقيد بها الزوجان وأبناؤهما وفق رسوم الحالة المدنية.',
      en: 'Obtain the family booklet after marriage (or a duplicate if lost).',
    },
    audiences: ['citizens', 'mre'],
    categories: ['civil_status'],
    lifeEvents: ['marriage', 'birth'],
    competence: [COMMUNE_EC],
    channels: [
      {
        kind: 'counter',
        where: {
          fr: "Bureau d'état civil du lieu de naissance ou de résidence du mari (consulat pour les Marocains de l'étranger)",
          ar: 'مكتب الحالة المدنية لمكان ولادة أو إقامة الزوج (القنصلية بالنسبة للمغاربة المقيمين بالخارج)',
        },
      },
    ],
    documents: [
      {
        key: 'marriage-act',
        name: { fr: "Copie de l'acte de mariage", ar: 'نسخة من عقد الزواج' },
        form: 'copy',
        copies: 1,
        issuer: { fr: 'Adouls / section notariale du tribunal', ar: 'العدول / قسم التوثيق بالمحكمة' },
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'birth-extract',
        name: { fr: "Extrait d'acte de naissance du mari", ar: 'نسخة موجزة من رسم ولادة الزوج' },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'cnie',
        name: { fr: 'CNIE du demandeur', ar: 'البطاقة الوطنية للطالب' },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'loss',
        name: { fr: 'Déclaration de perte', ar: 'تصريح بالضياع' },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'Pour un duplicata', ar: 'بالنسبة للنظير' },
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
    ],
    conditions: [
      {
        fr: 'Le livret est remis au mari ; la femme divorcée ou ayant la garde des enfants peut obtenir un duplicata.',
        ar: 'يسلم الدفتر للزوج؛ ويمكن للمطلقة أو الحاضنة الحصول على نظير منه.',
      },
    ],
    fees: [],
    delay: {
      usual: { fr: 'En général le jour même ou sous quelques jours.', ar: 'عادة في نفس اليوم أو خلال بضعة أيام.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_36_21, LOI_37_99, DECRET_2_99_665, LOI_55_19],
    steps: [
      {
        title: {
          fr: "Se présenter au bureau d'état civil avec l'acte de mariage",
          ar: 'الحضور إلى مكتب الحالة المدنية مع عقد الزواج',
        },
      },
      { title: { fr: 'Remplir et signer la demande', ar: 'ملء الطلب والتوقيع عليه' } },
      { title: { fr: 'Retirer le livret de famille', ar: 'سحب الدفتر العائلي' } },
    ],
    keywords: {
      fr: ['livret de famille', 'livret famille', 'duplicata livret', 'carnet de famille'],
      ar: ['الدفتر العائلي', 'دفتر الحالة المدنية', 'نظير الدفتر العائلي', 'كناش الحالة المدنية'],
      darija: ['lkonnach', 'konnach l7ala lmadania', 'ldaftar l3a2ili', 'kenach'],
    },
    related: ['dossier-mariage', 'declaration-naissance'],
    source: 'https://www.idarati.ma',
  },
  {
    slug: 'rectification-acte-etat-civil',
    owner: 'MIN-JUSTICE',
    title: {
      fr: "Rectification d'un acte de l'état civil",
      ar: 'تصحيح رسم من رسوم الحالة المدنية',
      en: 'Correction of a civil status record',
    },
    summary: {
      fr: "Faire corriger une erreur (nom, prénom, date, filiation…) dans un acte de naissance, de décès ou de mariage inscrit à l'état civil, par jugement du tribunal de première instance.",
      ar: 'تصحيح خطأ (في الاسم أو تاريخ الولادة أو النسب…) وارد في رسم ولادة أو وفاة مسجل بالحالة المدنية، بمقتضى حكم صادر عن المحكمة الابتدائية.',
      en: 'Have an error in a civil status record corrected by a judgment of the court of first instance.',
    },
    audiences: ['citizens', 'mre'],
    categories: ['civil_status', 'justice'],
    lifeEvents: [],
    competence: [FAMILY_COURT],
    channels: [
      {
        kind: 'counter',
        where: {
          fr: "Tribunal de première instance du lieu où l'acte est inscrit ou du domicile du demandeur",
          ar: 'المحكمة الابتدائية لمكان تسجيل الرسم أو لموطن الطالب',
        },
      },
    ],
    documents: [
      {
        key: 'request',
        name: { fr: 'Requête en rectification', ar: 'طلب التصحيح' },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'full-copy',
        name: { fr: "Copie intégrale de l'acte à rectifier", ar: 'نسخة كاملة من الرسم المراد تصحيحه' },
        form: 'original',
        copies: 1,
        issuer: { fr: "Bureau d'état civil", ar: 'مكتب الحالة المدنية' },
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'evidence',
        name: {
          fr: "Pièces justifiant l'erreur (autres actes, livret de famille, CNIE…)",
          ar: 'الوثائق المثبتة للخطأ (رسوم أخرى، الدفتر العائلي، البطاقة الوطنية…)',
        },
        form: 'copy',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'cnie',
        name: { fr: 'Copie de la CNIE du demandeur', ar: 'نسخة من البطاقة الوطنية للطالب' },
        form: 'copy',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
    ],
    conditions: [
      {
        fr: "Peut être demandée par l'intéressé, toute personne y ayant intérêt ou le ministère public ; le jugement est transmis à l'officier de l'état civil qui en porte mention en marge de l'acte.",
        ar: 'يمكن أن يطلبه المعني بالأمر أو كل ذي مصلحة أو النيابة العامة؛ ويوجه الحكم إلى ضابط الحالة المدنية الذي يضمنه بطرة الرسم.',
      },
    ],
    fees: [],
    delay: {
      usual: { fr: 'En général quelques semaines selon le tribunal.', ar: 'عادة بضعة أسابيع حسب المحكمة.' },
      legal: { ref: 'loi-36-21' },
      editorNote:
        "Décision de justice : la loi 55.19 (actes administratifs) ne paraît pas s'appliquer et aucun délai légal de réponse n'a été identifié dans ce texte. Texte et article à vérifier sur le texte officiel.",
    },
    legalBasis: [LOI_36_21, LOI_37_99, DECRET_2_99_665],
    steps: [
      { title: { fr: "Obtenir la copie intégrale de l'acte", ar: 'الحصول على النسخة الكاملة من الرسم' } },
      { title: { fr: 'Déposer la requête au tribunal de première instance', ar: 'إيداع الطلب لدى المحكمة الابتدائية' } },
      { title: { fr: 'Jugement de rectification', ar: 'صدور حكم التصحيح' } },
      { title: { fr: "Mention de la rectification en marge de l'acte", ar: 'تضمين التصحيح بطرة الرسم' } },
    ],
    keywords: {
      fr: ['rectification acte', 'erreur acte de naissance', 'corriger nom', 'erreur date de naissance', 'correction état civil'],
      ar: ['تصحيح رسم الولادة', 'تصحيح الاسم', 'خطأ في عقد الازدياد', 'تصحيح تاريخ الازدياد', 'تصحيح الحالة المدنية'],
      darija: ['ghalat f 3a9d zyada', 'tas7i7 smiya', 'sme7 ghalet', 'ghalta f l7ala lmadania'],
    },
    related: ['changement-nom', 'copie-integrale-acte-naissance', 'extrait-acte-naissance'],
    source: 'https://www.idarati.ma',
  },
  {
    slug: 'changement-nom',
    owner: 'MIN-INTERIEUR',
    title: {
      fr: 'Changement de nom de famille',
      ar: 'تغيير الاسم العائلي',
      en: 'Change of family name',
    },
    summary: {
      fr: "Demander à changer de nom de famille pour un motif légitime ; la demande est examinée par la Haute commission de l'état civil et le changement est autorisé par décret publié au Bulletin officiel.",
      ar: 'طلب تغيير الاسم العائلي لسبب مشروع؛ تدرس الطلب اللجنة العليا للحالة المدنية ويأذن بالتغيير بمرسوم ينشر بالجريدة الرسمية.',
      en: 'Apply to change one’s family name for a legitimate reason; examined by the High Civil Status Commission and authorised by decree.',
    },
    audiences: ['citizens', 'mre'],
    categories: ['civil_status'],
    lifeEvents: [],
    competence: [
      {
        orgCodes: ['MIN-INTERIEUR'],
        service: {
          fr: "Haute commission de l'état civil (Direction de l'état civil), saisie par le bureau d'état civil",
          ar: 'اللجنة العليا للحالة المدنية (مديرية الحالة المدنية) عن طريق مكتب الحالة المدنية',
        },
      },
    ],
    channels: [
      {
        kind: 'counter',
        where: {
          fr: "Bureau d'état civil du lieu de naissance ou de résidence (ou consulat), qui transmet la demande",
          ar: 'مكتب الحالة المدنية لمكان الولادة أو الإقامة (أو القنصلية) الذي يحيل الطلب',
        },
      },
    ],
    documents: [
      {
        key: 'request',
        name: { fr: 'Demande motivée signée', ar: 'طلب معلل وموقع' },
        description: {
          fr: 'Indique le nom souhaité et le motif (nom porteur de confusion, péjoratif, etc.).',
          ar: 'يتضمن الاسم المرغوب فيه وسبب التغيير (اسم مثير للالتباس أو قدحي…).',
        },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'full-copy',
        name: { fr: "Copie intégrale de l'acte de naissance", ar: 'نسخة كاملة من رسم الولادة' },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'cnie',
        name: { fr: 'Copie de la CNIE', ar: 'نسخة من البطاقة الوطنية' },
        form: 'copy',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'evidence',
        name: { fr: 'Pièces justifiant le motif invoqué', ar: 'الوثائق المثبتة للسبب المستدل به' },
        form: 'copy',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
    ],
    conditions: [
      {
        fr: "Le nom choisi doit respecter les règles de l'état civil (nom à caractère marocain, ni nom de ville, ni titre, ni nom portant atteinte aux bonnes mœurs).",
        ar: 'يجب أن يحترم الاسم المختار قواعد الحالة المدنية (اسم ذو طابع مغربي، ليس اسم مدينة ولا لقبا ولا ماسا بالأخلاق).',
      },
    ],
    fees: [
      {
        key: 'gratuit',
        label: { fr: 'Demande gratuite', ar: 'الطلب مجاني' },
        amountMad: 0,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: {
        fr: 'Plusieurs mois (examen par la commission puis décret).',
        ar: 'عدة أشهر (دراسة من طرف اللجنة ثم صدور المرسوم).',
      },
      legal: { ref: 'loi-36-21' },
      editorNote:
        'Changement de nom accordé par décret après avis de la commission compétente : aucun délai légal de réponse identifié. Texte et article à vérifier sur le texte officiel.',
    },
    legalBasis: [LOI_36_21, LOI_37_99, DECRET_2_99_665],
    steps: [
      { title: { fr: "Déposer la demande au bureau d'état civil", ar: 'إيداع الطلب بمكتب الحالة المدنية' } },
      { title: { fr: 'Examen par la Haute commission de l’état civil', ar: 'دراسة الطلب من طرف اللجنة العليا للحالة المدنية' } },
      { title: { fr: 'Publication du décret au Bulletin officiel', ar: 'نشر المرسوم بالجريدة الرسمية' } },
      { title: { fr: 'Mention du nouveau nom sur les actes', ar: 'تضمين الاسم الجديد بالرسوم' } },
    ],
    keywords: {
      fr: ['changer de nom', 'changement nom famille', 'nom de famille', 'nouveau nom'],
      ar: ['تغيير الاسم العائلي', 'تغيير النسب', 'اللجنة العليا للحالة المدنية', 'تبديل الاسم'],
      darija: ['tbdil smiya', 'nbdel smiti', 'bdel l knia', 'knia'],
    },
    related: ['rectification-acte-etat-civil', 'copie-integrale-acte-naissance'],
    source: 'https://www.idarati.ma',
  },
  {
    slug: 'kafala-enfant-abandonne',
    owner: 'MIN-JUSTICE',
    title: {
      fr: "Kafala (prise en charge) d'un enfant abandonné",
      ar: 'كفالة طفل مهمل',
      en: 'Kafala (care) of an abandoned child',
    },
    summary: {
      fr: "Demander au juge des tutelles la kafala d'un enfant déclaré abandonné : la personne ou le couple kafil s'engage à prendre en charge sa protection, son éducation et son entretien, sans créer de lien de filiation.",
      ar: 'طلب كفالة طفل صدر حكم بإهماله من القاضي المكلف بشؤون القاصرين: يلتزم الكافل أو الزوجان الكافلان برعايته وتربيته والنفقة عليه، دون أن يترتب عن ذلك حق في النسب.',
      en: 'Apply to the guardianship judge for the kafala of a child declared abandoned, without creating filiation.',
    },
    audiences: ['citizens', 'mre'],
    categories: ['civil_status', 'justice'],
    lifeEvents: ['birth'],
    competence: [
      {
        orgType: 'court',
        service: {
          fr: "Juge chargé des affaires des mineurs du tribunal de première instance du lieu de résidence de l'enfant",
          ar: 'القاضي المكلف بشؤون القاصرين بالمحكمة الابتدائية لمحل إقامة الطفل',
        },
      },
    ],
    channels: [
      {
        kind: 'counter',
        where: {
          fr: "Tribunal de première instance du lieu de résidence de l'enfant (consulat pour les demandeurs résidant à l'étranger, qui transmet)",
          ar: 'المحكمة الابتدائية لمحل إقامة الطفل (القنصلية بالنسبة للمقيمين بالخارج، التي تحيل الطلب)',
        },
      },
    ],
    documents: [
      {
        key: 'request',
        name: { fr: 'Demande de kafala', ar: 'طلب الكفالة' },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-15-01' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      },
      {
        key: 'marriage-act',
        name: { fr: "Copie de l'acte de mariage (pour un couple)", ar: 'نسخة من عقد الزواج (بالنسبة للزوجين)' },
        form: 'copy',
        copies: 1,
        optional: true,
        condition: { fr: 'Si la demande est faite par des époux', ar: 'إذا قدم الطلب من طرف زوجين' },
        legal: { ref: 'loi-15-01' },
        editorNote:
          'Pièce demandée en pratique à l’appui de la demande de kafala : article de la loi 15-01 qui l’exige à vérifier sur le texte officiel.',
      },
      {
        key: 'criminal-record',
        name: { fr: 'Extrait du casier judiciaire de chaque demandeur', ar: 'بطاقة السجل العدلي لكل طالب' },
        form: 'original',
        copies: 1,
        issuer: { fr: 'Tribunal / casier judiciaire', ar: 'المحكمة / السجل العدلي' },
        legal: { ref: 'loi-15-01', article: 'art. 9' },
      },
      {
        key: 'medical',
        name: {
          fr: "Certificat médical attestant l'absence de maladie contagieuse",
          ar: 'شهادة طبية تثبت السلامة من الأمراض المعدية',
        },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-15-01', article: 'art. 9' },
      },
      {
        key: 'income',
        name: {
          fr: 'Justificatifs des ressources (attestation de salaire, de revenus…)',
          ar: 'ما يثبت الموارد (شهادة الأجر أو الدخل…)',
        },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-15-01' },
        editorNote:
          'Pièce demandée en pratique à l’appui de la demande de kafala : article de la loi 15-01 qui l’exige à vérifier sur le texte officiel.',
      },
      {
        key: 'cnie',
        name: { fr: 'Copie de la CNIE de chaque demandeur', ar: 'نسخة من البطاقة الوطنية لكل طالب' },
        form: 'copy',
        copies: 1,
        legal: { ref: 'loi-15-01' },
        editorNote:
          'Pièce demandée en pratique à l’appui de la demande de kafala : article de la loi 15-01 qui l’exige à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: 'Peuvent demander la kafala des époux musulmans majeurs, aptes moralement, socialement et matériellement, ou une femme musulmane remplissant les mêmes conditions ; ils ne doivent pas avoir été condamnés pour une infraction portant atteinte à la morale ou commise contre des enfants.',
        ar: 'يمكن أن يطلب الكفالة الزوجان المسلمان الراشدان الصالحان للكفالة أخلاقيا واجتماعيا والمتوفران على وسائل مادية كافية، أو المرأة المسلمة التي تتوفر فيها نفس الشروط؛ وألا يكونا قد صدر عليهما حكم من أجل جريمة ماسة بالأخلاق أو مرتكبة ضد الأطفال.',
      },
      {
        fr: "Le juge ordonne une enquête par une commission avant de statuer ; la kafala est ensuite mentionnée en marge de l'acte de naissance de l'enfant et suivie par le juge.",
        ar: 'يأمر القاضي ببحث تجريه لجنة قبل البت؛ ثم يضمن أمر الكفالة بطرة رسم ولادة الطفل ويتتبع القاضي تنفيذها.',
      },
    ],
    fees: [],
    delay: {
      usual: { fr: 'En général plusieurs semaines à quelques mois (enquête).', ar: 'عادة من عدة أسابيع إلى بضعة أشهر (البحث).' },
      legal: { ref: 'loi-15-01' },
      editorNote:
        "Décision de justice : la loi 55.19 (actes administratifs) ne paraît pas s'appliquer et aucun délai légal de réponse n'a été identifié dans ce texte. Texte et article à vérifier sur le texte officiel.",
    },
    legalBasis: [LOI_15_01, CODE_FAMILLE],
    steps: [
      { title: { fr: 'Déposer la demande au tribunal de première instance', ar: 'إيداع الطلب لدى المحكمة الابتدائية' } },
      { title: { fr: 'Enquête sociale par la commission', ar: 'البحث الاجتماعي من طرف اللجنة' } },
      { title: { fr: 'Ordonnance du juge confiant la kafala', ar: 'أمر القاضي بإسناد الكفالة' } },
      { title: { fr: "Mention de la kafala en marge de l'acte de naissance", ar: 'تضمين الكفالة بطرة رسم الولادة' } },
    ],
    keywords: {
      fr: ['kafala', 'adoption', 'adopter un enfant', 'enfant abandonné', 'recueil légal'],
      ar: ['الكفالة', 'كفالة طفل', 'الأطفال المهملين', 'التبني', 'كفالة الأيتام'],
      darija: ['kafala', 'nkfel tfl', 'tbni', 'kfalat drari'],
    },
    related: ['extrait-casier-judiciaire', 'dossier-mariage'],
    source: 'https://www.idarati.ma',
  },
];
