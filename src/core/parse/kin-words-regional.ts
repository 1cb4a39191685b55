// Words for kin in the speech of particular regions and of families (a parent named from the child, Hakka, Min, Gan,
// the north and north-west, the south-west's hills), spread into KIN (kin-words.ts): data only.

export const KIN_REGIONAL = [
  ...['伢子他爸', '伢子他妈', '崽他爸', '崽他妈', '细伢子他爸', '细伢子他妈', '大伢子', '小伢子'],
  // a parent named from the child (孩子爸爸, 娃娃他爸), Wu 伲子 (son), Hubei 细伢, the North's 小子 and 老头
  ...[
    '孩子爸爸',
    '孩子妈妈',
    '娃娃他爸',
    '娃娃他妈',
    '娃娃爸爸',
    '娃娃妈妈',
    '细伢',
    '伲子',
    '小子',
    '老头',
    '老太',
  ],
  ...[
    '小闺女',
    '大闺女',
    '二闺女',
    '小儿子',
    '二儿子',
    '小女儿',
    '二女儿',
    '女朋友',
    '男朋友',
    '未婚妻',
    '未婚夫',
  ],
  // Hakka 细人子/细妹子/细佬 (a child, a girl, a boy), the north-west's 尕娃
  ...['细人子', '细人', '细妹子', '细妹', '细佬', '尕娃', '尕妹子', '尕妹'],
  // Gan and Hui 伢崽/妹崽 (a child) and 嗯奶 (mother), Hainanese 奴仔 (a child), Cantonese 细路 (a child, 细路哥 a boy)
  ...['伢崽', '伢仔', '妹崽', '细伢崽', '嗯奶', '嗯妈', '奴仔', '细路仔', '细路', '小男孩', '小女孩'],
  // the north's sons counted (二小子, 大小子) and elder brothers (二哥 36.6)
  ...['大小子', '二小子', '三小子', '二哥', '三哥', '二姐', '三姐'],
  // Henan 孩儿 (a child) and 老婆儿 (an old wife), the north-west's 老阿奶 and 阿舅
  ...['俺孩儿', '孩儿', '俺老婆儿', '老婆儿', '老阿奶', '阿舅'],
  // the north-east's husband
  ...['俺家老爷们儿', '俺家老爷们', '老爷们儿', '老爷们'],
  // Hubei 爹爹 (a grandfather)
  ...['爹爹'],
  // Xiangxi 爷老子 (a father); Guizhou 老者 (the old man of the house)
  ...['爷老子', '老者'],
  // Teochew 细囝 / 大囝 (the younger and elder child)
  ...['细囝', '大囝', '二囝'],
  // Yi 阿嫫 (mother), 阿普 (grandfather), 阿达 (father, also the north-west's); Korean 阿妈妮, 阿爸吉; 孩子爸 / 孩儿他爸
  ...[
    '阿嫫',
    '阿普',
    '阿达',
    '阿妈妮',
    '阿爸吉',
    '孩子爸',
    '孩子妈',
    '孩儿他爸',
    '孩他爸',
    '孩他妈',
    '娃他爸',
    '娃他妈',
  ],
  // Minnan 囝仔 (a child), 阿母 (mother), 阿姆 (aunt)
  ...['囝仔', '阿母', '阿姆'],
  // Huizhou and Wu 阿爹 (the father or grandfather) and 嬷嬷 (the grandmother)
  ...['阿爹', '嬷嬷'],
  // Hani 阿波 (the grandfather) and 阿匹 (the grandmother)
  ...['阿波', '阿匹'],
  // the north-west's 阿大 and Guanzhong's 额大 / 我大 / 俺大 (the father)
  ...['阿大', '额大', '我大', '俺大', '额大大', '我大大', '俺大大'],
  // a child as staff and parents call them
  ...['小朋友', '乖乖'],
  // Xinjiang 巴郎子 (a boy, a son), 丫头子 (a girl)
  ...['巴郎子', '丫头子'],
  // Shaanxi 碎 (small): 碎小子, 碎女子 (the younger son, daughter), 大女子 (the elder daughter)
  ...['碎小子', '碎女子', '碎娃', '大女子', '二女子'],
  // the north-east's 大小子 / 二小子 (the elder, second son) and 老闺女 (the youngest daughter)
  ...['大小子', '二小子', '老闺女'],
];
