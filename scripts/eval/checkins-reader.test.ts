import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckinFileError, parseUtcTime, readCheckins } from './checkins-reader.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-checkins-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A small file in the TSMC2014 format: four good rows, three bad ones, a blank line. */
const ROWS = [
  '1\t4d4ac10da0ef54814b6ffff6\t4bf58dd8d48988d14e941735\tAmerican Restaurant\t40.784018\t-73.974524\t-240\tSat Apr 07 17:42:00 +0000 2012',
  '1\t4db44994cda1c57c82583709\t4bf58dd8d48988d1f1931735\tGeneral Entertainment\t40.739398\t-73.993210\t-240\tSun Apr 08 18:20:00 +0000 2012',
  '2\t3fd66200f964a52000e71ee3\t4bf58dd8d48988d116941735\tBar\t40.7233\t-73.9888\t-300\tFri Dec 07 02:10:00 +0000 2012',
  '2\t3fd66200f964a52000e71ee3\t4bf58dd8d48988d116941735\tBar\t40.7233\t-73.9888\t-240', // 7 fields
  '3\t4a\t4bf\tBar\tnorth\t-73.9888\t-240\tSat Apr 07 17:42:00 +0000 2012', // latitude not a number
  '3\t4a\t4bf\tBar\t40.72\t-73.98\t-240\tSat Apr 31 17:42:00 +0000 2012', // 31 April
  '',
  '3\t4b\t4bf\tRamen /  Noodle House\t40.73\t-73.99\t-240\tSun Apr 08 12:00:00 +0000 2012',
];

describe('readCheckins', () => {
  it('reads good rows with typed fields and reports each bad row by its line number', async () => {
    const file = path.join(dir, 'sample.tsv');
    fs.writeFileSync(file, ROWS.join('\n') + '\n');
    const { checkins, problems, lines } = await readCheckins(file);

    expect(lines).toBe(8);
    expect(checkins.map((c) => c.line)).toEqual([1, 2, 3, 8]);
    expect(checkins[0]).toEqual({
      line: 1,
      userId: '1',
      venueId: '4d4ac10da0ef54814b6ffff6',
      categoryId: '4bf58dd8d48988d14e941735',
      categoryName: 'American Restaurant',
      lat: 40.784018,
      lon: -73.974524,
      tzOffsetMinutes: -240,
      at: new Date('2012-04-07T17:42:00Z'),
    });
    expect(problems.map((p) => p.line)).toEqual([4, 5, 6]);
    expect(problems[0]!.reason).toMatch(/8 tab-separated fields, got 7/);
    expect(problems[1]!.reason).toMatch(/^lat/);
    expect(problems[2]!.reason).toMatch(/bad UTC time/);
  });

  it('accepts Windows line endings', async () => {
    const file = path.join(dir, 'crlf.tsv');
    fs.writeFileSync(file, ROWS.slice(0, 2).join('\r\n') + '\r\n');
    const { checkins, problems } = await readCheckins(file);
    expect(problems).toEqual([]);
    expect(checkins[1]!.at).toEqual(new Date('2012-04-08T18:20:00Z'));
  });
});

describe('readCheckins, files with a header row', () => {
  const write = (name: string, lines: string[]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    return file;
  };

  it('reads Flickr-style rows by column name, in any order, with any user id and unix-second times', async () => {
    const file = write('flickr.csv', [
      'photoID,userID,dateTaken,poiID,poiTheme,lat,long,extra',
      '7941504100,10058801@N06,1333820520,16,Park,43.6465,-79.4637,x',
      '7941504101,"Smith, J.",1333820580,7,"Cultural, historic",43.6426,-79.3871,',
    ]);
    const { checkins, problems, format, columns } = await readCheckins(file);
    expect(problems).toEqual([]);
    expect(format).toBe('header');
    expect(columns).toEqual({ userId: 'userID', venueId: 'poiID', lat: 'lat', lon: 'long', at: 'dateTaken', categoryName: 'poiTheme' });
    expect(checkins[0]).toEqual({
      line: 2,
      userId: '10058801@N06',
      venueId: '16',
      categoryId: null,
      categoryName: 'Park',
      lat: 43.6465,
      lon: -79.4637,
      tzOffsetMinutes: null,
      at: new Date('2012-04-07T17:42:00Z'),
    });
    expect(checkins[1]).toMatchObject({ userId: 'Smith, J.', categoryName: 'Cultural, historic' });
  });

  it('reads a GETNext-style CSV: ISO times with an offset, category id and name, offsets in minutes', async () => {
    const file = write('getnext.csv', [
      'user_id,POI_id,POI_catid,POI_catid_code,POI_catname,latitude,longitude,timezone,UTC_time,local_time',
      '470,49bbd6c0f964a520f4531fe3,4bf58dd8d48988d127951735,0,Arts & Crafts Store,40.7198,-74.0025,-240,2012-04-03 18:00:09+00:00,2012-04-03 14:00:09',
    ]);
    const { checkins, problems } = await readCheckins(file);
    expect(problems).toEqual([]);
    expect(checkins[0]).toMatchObject({ userId: '470', categoryId: '4bf58dd8d48988d127951735', categoryName: 'Arts & Crafts Store', tzOffsetMinutes: -240, at: new Date('2012-04-03T18:00:09Z') });
  });

  it('reports malformed rows by line and reason, and keeps the good ones', async () => {
    const file = write('bad.tsv', [
      'user\tvenue\tlat\tlon\tutc\ttz_min',
      'u1\tv1\t40.7\t-74.0\t2012-04-07T17:42:00Z\t-240',
      'u1\tv2\t40.7', // short
      'u2\tv1\t95\t-74.0\t2012-04-07T17:42:00Z\t-240', // latitude out of range
      'u2\tv1\t40.7\t-74.0\tlast Tuesday\t-240', // time
      '\tv1\t40.7\t-74.0\t2012-04-07T17:42:00Z\t-240', // no user
      'u3\tv3\t40.7\t-74.0\t2012-04-07T17:42:00Z\t-90.5', // offset not whole minutes
      'u3\tv3\t40.7\t-74.0\t2012-04-07T17:42:00Z\t', // offset absent: fine
    ]);
    const { checkins, problems } = await readCheckins(file);
    expect(checkins.map((c) => [c.line, c.tzOffsetMinutes])).toEqual([
      [2, -240],
      [8, null],
    ]);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7]);
    expect(problems[0]!.reason).toMatch(/expected 6 fields as in the header, got 3/);
    expect(problems[1]!.reason).toMatch(/^lat/);
    expect(problems[2]!.reason).toMatch(/bad UTC time "last Tuesday"/);
    expect(problems[3]!.reason).toMatch(/user id is empty/);
    expect(problems[4]!.reason).toMatch(/whole minutes/);
  });

  it('refuses a header that lacks a required column, naming the names it would accept', async () => {
    const file = write('nolat.csv', ['user,venue,lon,utc', 'u,v,-74,1333820520']);
    await expect(readCheckins(file)).rejects.toThrow(CheckinFileError);
    await expect(readCheckins(file)).rejects.toThrow(/no column for lat \(lat\|latitude\)/);
  });
});

describe('parseUtcTime', () => {
  it('parses the TSMC2014 time format as UTC', () => {
    expect(parseUtcTime('Tue Apr 03 18:00:09 +0000 2012')).toEqual(new Date('2012-04-03T18:00:09Z'));
  });

  it('rejects impossible dates, wrong weekdays and other offsets', () => {
    expect(parseUtcTime('Sat Feb 30 10:00:00 +0000 2013')).toBeNull();
    expect(parseUtcTime('Mon Apr 07 17:42:00 +0000 2012')).toBeNull(); // 7 April 2012 was a Saturday
    expect(parseUtcTime('Sat Apr 07 17:42:00 +0200 2012')).toBeNull();
    expect(parseUtcTime('2012-04-07T17:42:00Z')).toBeNull();
  });
});
