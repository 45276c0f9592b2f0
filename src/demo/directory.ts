import type { Department, Person } from '../domain/directory.js';

/** Departments of the committee, from the minutes (see shared/domain.md). */
export const demoDepartments: readonly Department[] = [
  { id: 'seisakukeiei', name: { ja: '政策経営部', en: 'Policy and Management' } },
  { id: 'somu', name: { ja: '総務部', en: 'General Affairs' } },
  { id: 'kikikanri', name: { ja: '危機管理', en: 'Crisis Management' } },
  { id: 'kumin', name: { ja: '区民部', en: 'Citizens Affairs' } },
  { id: 'toshiseibi', name: { ja: '都市整備部', en: 'Urban Development' } },
  { id: 'kaikei', name: { ja: '会計管理室', en: 'Accounting Office' } },
  { id: 'kyoiku', name: { ja: '教育委員会（教育部）', en: 'Board of Education' } },
  { id: 'bunkashoko', name: { ja: '文化商工部', en: 'Culture and Commerce' } },
  { id: 'kankyoseiso', name: { ja: '環境清掃部', en: 'Environment and Sanitation' } },
  { id: 'hokenfukushi', name: { ja: '保健福祉部', en: 'Health and Welfare' } },
  { id: 'kodomokatei', name: { ja: '子ども家庭部', en: 'Children and Families' } },
];

type DemoPerson = Omit<Person, 'id' | 'updatedAt'>;

const person = (
  upn: string,
  ja: string,
  en: string,
  role: Person['role'],
  departmentId?: string,
): DemoPerson => ({ upn, name: { ja, en }, role, ...(departmentId ? { departmentId } : {}) });

/** The demo directory of shared/domain.md. */
export const demoPeople: readonly DemoPerson[] = [
  person('fukukucho@city.example.jp', '副区長（本部長）', 'Deputy Mayor (Chair)', 'chair'),
  person(
    'johokanri-kacho@city.example.jp',
    '情報管理課長',
    'Head of IT Management',
    'secretariat',
    'seisakukeiei',
  ),
  person(
    'joho-security@city.example.jp',
    '情報担当係長（セキュリティ）',
    'IT Section Chief (Security)',
    'secretariat',
    'seisakukeiei',
  ),
  person(
    'joho-system@city.example.jp',
    '情報担当係長（システム）',
    'IT Section Chief (Systems)',
    'secretariat',
    'seisakukeiei',
  ),
  person(
    'joho-kiban@city.example.jp',
    '情報担当係長（基盤）',
    'IT Section Chief (Infrastructure)',
    'secretariat',
    'seisakukeiei',
  ),
  person('somu-bucho@city.example.jp', '総務部長', 'Director of General Affairs', 'member', 'somu'),
  person(
    'kikikanrikan@city.example.jp',
    '危機管理監',
    'Crisis Management Supervisor',
    'member',
    'kikikanri',
  ),
  person(
    'kumin-bucho@city.example.jp',
    '区民部長',
    'Director of Citizens Affairs',
    'member',
    'kumin',
  ),
  person(
    'toshiseibi-bucho@city.example.jp',
    '都市整備部長',
    'Director of Urban Development',
    'member',
    'toshiseibi',
  ),
  person(
    'kaikei-kanrishitsucho@city.example.jp',
    '会計管理室長',
    'Head of the Accounting Office',
    'member',
    'kaikei',
  ),
  person('kyoiku-bucho@city.example.jp', '教育部長', 'Director of Education', 'member', 'kyoiku'),
  person(
    'bunkashoko-bucho@city.example.jp',
    '文化商工部長',
    'Director of Culture and Commerce',
    'member',
    'bunkashoko',
  ),
  person(
    'bunkadesign-kacho@city.example.jp',
    '文化デザイン課長',
    'Head of Cultural Design',
    'delegate',
    'bunkashoko',
  ),
  person(
    'kankyoseiso-bucho@city.example.jp',
    '環境清掃部長',
    'Director of Environment and Sanitation',
    'member',
    'kankyoseiso',
  ),
  person(
    'kankyoseisaku-kacho@city.example.jp',
    '環境政策課長',
    'Head of Environmental Policy',
    'delegate',
    'kankyoseiso',
  ),
  person(
    'hokenfukushi-bucho@city.example.jp',
    '保健福祉部長',
    'Director of Health and Welfare',
    'member',
    'hokenfukushi',
  ),
  person(
    'kaigohoken-kacho@city.example.jp',
    '介護保険課長',
    'Head of Long-term Care Insurance',
    'delegate',
    'hokenfukushi',
  ),
  person(
    'kodomokatei-bucho@city.example.jp',
    '子ども家庭部長',
    'Director of Children and Families',
    'member',
    'kodomokatei',
  ),
  person(
    'kodomowakamono-kacho@city.example.jp',
    '子ども若者課長',
    'Head of Children and Youth',
    'delegate',
    'kodomokatei',
  ),
];
