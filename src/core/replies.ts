// What the bot says that is not a record: help texts. Short, natural Chinese.
import type { GroupRole } from './domain.js';

const HELP: Record<GroupRole | 'unknown', string> = {
  residents: [
    '守望小助手可以帮您：',
    '· 报体温：直接发“2105 早 36.5”，有不舒服也请写上（如“嗓子疼”）',
    '· 提需求：如“2105 需要一个体温计”，会生成工单号',
    '· #状态：查看观察第几天、预计解除日期和今天的上报',
    '· #登记 房号 姓名：第一次使用请先登记',
  ].join('\n'),
  staff: [
    '工作群指令：',
    '· #已处理 告警号：确认体温或症状告警',
    '· #完成 R-0012 备注：办结工单并通知住户',
    '· #日报：立即发送今日汇总',
  ].join('\n'),
  villagers: [
    '守望小助手可以帮您代买送货（志愿者免费送上门）：',
    '· 下单：如“帮我买两袋化肥，送到三组”，也可以用接龙，一行一家',
    '· 送水：如“明天上午送两桶水到5组”',
    '· 取消：如“化肥不要了”“取消订单”',
    '下单后会回一个单号（如 O-0031），送到时会@您。',
  ].join('\n'),
  volunteers: [
    '志愿队指令：',
    '· #采购单：还没买的东西汇总',
    '· #送货单：按组列出要送的货和今天的送水',
    '· #送水单 明天：某天的送水预约',
    '· #已买 O-0031 O-0032（或 #已买 全部）',
    '· #送达 O-0031 85元：记下送到和垫付金额，并通知村民',
    '· #送达 W-0005：送水送到',
  ].join('\n'),
  unknown: '这个群还没有绑定到观察点或村，请工作人员在后台设置。',
};

export function helpText(role: GroupRole | null): string {
  return HELP[role ?? 'unknown'];
}
