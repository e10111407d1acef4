import {defineRule} from '../rule'
import {keyed, prefixed} from './patterns'
import {ALNUM, BASE64URL, HEX, LOWER, UPPER, fake} from './synthetic'

const LETTERS = UPPER + LOWER

export const aiRules = [
  defineRule({
    id: 'openai-api-key',
    description: 'OpenAI API key (project, service-account, admin or legacy user key)',
    severity: 'high',
    regex: prefixed(
      '(?:sk-(?:proj|svcacct|admin)-(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})|sk-[a-zA-Z0-9]{20}T3BlbkFJ[a-zA-Z0-9]{20})'
    ),
    keywords: ['t3blbkfj'],
    entropy: 3,
    prefixLength: 8,
    rotation:
      'Revoke the key at https://platform.openai.com/api-keys (or the organization admin keys page) and create a new project-scoped key.',
    docs: 'https://platform.openai.com/docs/api-reference/authentication',
    truePositives: [
      `OPENAI_API_KEY=sk-proj-${fake(BASE64URL, 74, 'oai-1')}T3BlbkFJ${fake(BASE64URL, 74, 'oai-2')}`,
      `openai.api_key = "sk-${fake(ALNUM, 20, 'oai-3')}T3BlbkFJ${fake(ALNUM, 20, 'oai-4')}"`,
      `OPENAI_ADMIN_KEY=sk-svcacct-${fake(BASE64URL, 58, 'oai-5')}T3BlbkFJ${fake(BASE64URL, 58, 'oai-6')}`
    ],
    falsePositives: [
      'OPENAI_API_KEY=sk-proj-...T3BlbkFJ...',
      `OPENAI_API_KEY=sk-${'x'.repeat(20)}T3BlbkFJ${'x'.repeat(20)}`
    ]
  }),
  defineRule({
    id: 'anthropic-api-key',
    description: 'Anthropic API key',
    severity: 'high',
    regex: prefixed(String.raw`sk-ant-api03-[a-zA-Z0-9_-]{93}AA`),
    keywords: ['sk-ant-api03'],
    entropy: 3.5,
    prefixLength: 13,
    rotation: 'Delete the key at https://console.anthropic.com/settings/keys and create a new one.',
    docs: 'https://docs.anthropic.com/en/api/getting-started',
    truePositives: [`ANTHROPIC_API_KEY=sk-ant-api03-${fake(BASE64URL, 93, 'ant-1')}AA`],
    falsePositives: [
      `ANTHROPIC_API_KEY=sk-ant-api03-${'x'.repeat(93)}AA`,
      'ANTHROPIC_API_KEY=sk-ant-api03-...'
    ]
  }),
  defineRule({
    id: 'anthropic-admin-api-key',
    description: 'Anthropic Admin API key',
    severity: 'critical',
    regex: prefixed(String.raw`sk-ant-admin01-[a-zA-Z0-9_-]{93}AA`),
    keywords: ['sk-ant-admin01'],
    entropy: 3.5,
    prefixLength: 15,
    rotation:
      'Delete the admin key at https://console.anthropic.com/settings/admin-keys and create a new one.',
    docs: 'https://docs.anthropic.com/en/api/administration-api',
    truePositives: [`ANTHROPIC_ADMIN_KEY="sk-ant-admin01-${fake(BASE64URL, 93, 'ant-2')}AA"`],
    falsePositives: [`ANTHROPIC_ADMIN_KEY="sk-ant-admin01-${'0'.repeat(93)}AA"`]
  }),
  defineRule({
    id: 'huggingface-access-token',
    description: 'Hugging Face user access token',
    severity: 'high',
    regex: prefixed('hf_[a-zA-Z]{34}'),
    keywords: ['hf_'],
    entropy: 3.5,
    prefixLength: 3,
    rotation: 'Invalidate and refresh the token at https://huggingface.co/settings/tokens.',
    docs: 'https://huggingface.co/docs/hub/security-tokens',
    truePositives: [`HF_TOKEN=hf_${fake(LETTERS, 34, 'hf-1')}`],
    falsePositives: [
      `HF_TOKEN=hf_${'x'.repeat(34)}`,
      'hf_hub_download_and_cache_the_model_files = True'
    ]
  }),
  defineRule({
    id: 'huggingface-organization-api-token',
    description: 'Hugging Face organization API token',
    severity: 'high',
    regex: prefixed('api_org_[a-zA-Z]{34}'),
    keywords: ['api_org_'],
    entropy: 3.5,
    prefixLength: 8,
    rotation:
      'Revoke the organization token in the organization settings at https://huggingface.co and migrate to user access tokens.',
    docs: 'https://huggingface.co/docs/hub/security-tokens',
    truePositives: [`HUGGINGFACE_ORG_TOKEN=api_org_${fake(LETTERS, 34, 'hforg-1')}`],
    falsePositives: [`HUGGINGFACE_ORG_TOKEN=api_org_${'a'.repeat(34)}`]
  }),
  defineRule({
    id: 'cohere-api-token',
    description: 'Cohere API key',
    severity: 'high',
    regex: keyed('cohere|co_api_key', '[a-zA-Z0-9]{40}'),
    keywords: ['cohere', 'co_api_key'],
    entropy: 4,
    rotation: 'Delete the key at https://dashboard.cohere.com/api-keys and create a new one.',
    docs: 'https://docs.cohere.com/reference/about',
    truePositives: [
      `COHERE_API_KEY=${fake(ALNUM, 40, 'cohere-1')}`,
      `CO_API_KEY: "${fake(ALNUM, 40, 'cohere-2')}"`
    ],
    falsePositives: [`COHERE_API_KEY=${'a1'.repeat(20)}`]
  }),
  defineRule({
    id: 'groq-api-key',
    description: 'Groq API key',
    severity: 'high',
    regex: prefixed('gsk_[a-zA-Z0-9]{52}'),
    keywords: ['gsk_'],
    entropy: 3.5,
    prefixLength: 4,
    rotation: 'Delete the key at https://console.groq.com/keys and create a new one.',
    docs: 'https://console.groq.com/docs/api-keys',
    truePositives: [`GROQ_API_KEY=gsk_${fake(ALNUM, 52, 'groq-1')}`],
    falsePositives: [`GROQ_API_KEY=gsk_${'x'.repeat(52)}`]
  }),
  defineRule({
    id: 'replicate-api-token',
    description: 'Replicate API token',
    severity: 'high',
    regex: prefixed('r8_[a-zA-Z0-9]{37}'),
    keywords: ['r8_'],
    entropy: 3.5,
    prefixLength: 3,
    rotation: 'Disable the token at https://replicate.com/account/api-tokens and create a new one.',
    docs: 'https://replicate.com/docs/reference/http#authentication',
    truePositives: [`REPLICATE_API_TOKEN=r8_${fake(ALNUM, 37, 'r8-1')}`],
    falsePositives: [`REPLICATE_API_TOKEN=r8_${'0'.repeat(37)}`]
  }),
  defineRule({
    id: 'perplexity-api-key',
    description: 'Perplexity API key',
    severity: 'high',
    regex: prefixed('pplx-[a-zA-Z0-9]{48}'),
    keywords: ['pplx-'],
    entropy: 4,
    prefixLength: 5,
    rotation: 'Revoke the key at https://www.perplexity.ai/settings/api and generate a new one.',
    docs: 'https://docs.perplexity.ai/guides/getting-started',
    truePositives: [`PERPLEXITY_API_KEY=pplx-${fake(ALNUM, 48, 'pplx-1')}`],
    falsePositives: [`PERPLEXITY_API_KEY=pplx-${'a'.repeat(48)}`]
  }),
  defineRule({
    id: 'xai-api-key',
    description: 'xAI (Grok) API key',
    severity: 'high',
    regex: prefixed('xai-[a-zA-Z0-9]{80}'),
    keywords: ['xai-'],
    entropy: 4,
    prefixLength: 4,
    rotation:
      'Delete the key in the xAI console (https://console.x.ai, API Keys) and create a new one.',
    docs: 'https://docs.x.ai/docs/overview',
    truePositives: [`XAI_API_KEY=xai-${fake(ALNUM, 80, 'xai-1')}`],
    falsePositives: [`XAI_API_KEY=xai-${'x'.repeat(80)}`]
  }),
  defineRule({
    id: 'openrouter-api-key',
    description: 'OpenRouter API key',
    severity: 'high',
    regex: prefixed('sk-or-v1-[a-f0-9]{64}'),
    keywords: ['sk-or-v1-'],
    entropy: 3,
    prefixLength: 9,
    rotation: 'Delete the key at https://openrouter.ai/settings/keys and create a new one.',
    docs: 'https://openrouter.ai/docs/api-reference/authentication',
    truePositives: [`OPENROUTER_API_KEY=sk-or-v1-${fake(HEX, 64, 'or-1')}`],
    falsePositives: [`OPENROUTER_API_KEY=sk-or-v1-${'0'.repeat(64)}`]
  }),
  defineRule({
    id: 'langsmith-api-key',
    description: 'LangSmith personal access token or service key',
    severity: 'high',
    regex: prefixed('lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}'),
    keywords: ['lsv2_'],
    entropy: 3,
    prefixLength: 8,
    rotation: 'Delete the key in LangSmith (Settings > API Keys) and create a new one.',
    docs: 'https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key',
    truePositives: [
      `LANGSMITH_API_KEY=lsv2_pt_${fake(HEX, 32, 'ls-1')}_${fake(HEX, 10, 'ls-2')}`,
      // A notebook cell: the token ends at an escaped quote.
      `    "os.environ[\\"LANGSMITH_API_KEY\\"] = \\"lsv2_pt_${fake(HEX, 32, 'ls-3')}_${fake(HEX, 10, 'ls-4')}\\"\\n",`
    ],
    falsePositives: [`LANGSMITH_API_KEY=lsv2_pt_${'0'.repeat(32)}_${'0'.repeat(10)}`]
  }),
  defineRule({
    id: 'pinecone-api-key',
    description: 'Pinecone API key',
    severity: 'high',
    regex: prefixed('pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{40,80}'),
    keywords: ['pcsk_'],
    entropy: 4,
    prefixLength: 5,
    rotation: 'Delete the key in the Pinecone console (project > API keys) and create a new one.',
    docs: 'https://docs.pinecone.io/guides/projects/manage-api-keys',
    truePositives: [`PINECONE_API_KEY=pcsk_${fake(ALNUM, 5, 'pc-1')}_${fake(ALNUM, 64, 'pc-2')}`],
    falsePositives: [`PINECONE_API_KEY=pcsk_xxxxx_${'x'.repeat(64)}`]
  }),
  defineRule({
    id: 'mistral-api-key',
    description: 'Mistral AI API key',
    severity: 'high',
    regex: keyed('mistral', '[a-zA-Z0-9]{32}'),
    keywords: ['mistral'],
    entropy: 4,
    rotation: 'Revoke the key at https://console.mistral.ai/api-keys and create a new one.',
    docs: 'https://docs.mistral.ai/getting-started/quickstart/',
    truePositives: [`MISTRAL_API_KEY=${fake(ALNUM, 32, 'mistral-1')}`],
    falsePositives: [`MISTRAL_API_KEY=${'ab'.repeat(16)}`]
  }),
  defineRule({
    id: 'deepseek-api-key',
    description: 'DeepSeek API key',
    severity: 'high',
    regex: keyed('deepseek', 'sk-[a-f0-9]{32}'),
    keywords: ['deepseek'],
    entropy: 3,
    rotation: 'Delete the key at https://platform.deepseek.com/api_keys and create a new one.',
    docs: 'https://api-docs.deepseek.com/',
    truePositives: [`DEEPSEEK_API_KEY=sk-${fake(HEX, 32, 'ds-1')}`],
    falsePositives: [`DEEPSEEK_API_KEY=sk-${'0'.repeat(32)}`]
  }),
  defineRule({
    id: 'elevenlabs-api-key',
    description: 'ElevenLabs API key',
    severity: 'high',
    regex: keyed(String.raw`elevenlabs|eleven[_-]labs|xi[_-]api[_-]key`, 'sk_[a-f0-9]{48}'),
    keywords: ['elevenlabs', 'eleven_labs', 'eleven-labs', 'xi-api-key', 'xi_api_key'],
    entropy: 3,
    rotation: 'Delete the key in ElevenLabs (Developers > API Keys) and create a new one.',
    docs: 'https://elevenlabs.io/docs/api-reference/authentication',
    truePositives: [`ELEVENLABS_API_KEY=sk_${fake(HEX, 48, 'el-1')}`],
    falsePositives: [`ELEVENLABS_API_KEY=sk_${'0'.repeat(48)}`]
  }),
  defineRule({
    id: 'wandb-api-key',
    description: 'Weights & Biases API key',
    severity: 'high',
    regex: keyed('wandb', '[a-f0-9]{40}'),
    keywords: ['wandb'],
    entropy: 3,
    rotation:
      'Revoke the key at https://wandb.ai/authorize (User settings > API keys) and create a new one.',
    docs: 'https://docs.wandb.ai/support/find_api_key/',
    truePositives: [
      `WANDB_API_KEY=${fake(HEX, 40, 'wandb-1')}`,
      `os.environ["WANDB_API_KEY"] = "${fake(HEX, 40, 'wandb-2')}"`,
      // A notebook cell: the code is a JSON string, so its quotes are escaped.
      `    "os.environ[\\"WANDB_API_KEY\\"] = \\"${fake(HEX, 40, 'wandb-3')}\\"\\n",`
    ],
    falsePositives: [`WANDB_API_KEY=${'0'.repeat(40)}`]
  })
]
