import { describe, expect, it } from 'vitest';
import { ageAtStudy, formatAgeString, patientAgeAtStudy } from './patientAge';

describe('patient age at the study date', () => {
  it('counts whole years, the day before the birthday included', () => {
    expect(ageAtStudy('19650412', '20240315')).toBe('58 y');
    expect(ageAtStudy('19650412', '20240412')).toBe('59 y');
    expect(ageAtStudy('19650412', '20240411')).toBe('58 y');
  });

  it('uses months, weeks and days for the very young', () => {
    expect(ageAtStudy('20230101', '20240315')).toBe('14 m');
    expect(ageAtStudy('20240101', '20240125')).toBe('3 w');
    expect(ageAtStudy('20240101', '20240106')).toBe('5 d');
  });

  it('gives nothing for missing, impossible or reversed dates', () => {
    expect(ageAtStudy('', '20240101')).toBeUndefined();
    expect(ageAtStudy('20240231', '20250101')).toBeUndefined();
    expect(ageAtStudy('20250101', '20240101')).toBeUndefined();
  });

  it('falls back to the Patient Age attribute', () => {
    expect(formatAgeString('075Y')).toBe('75 y');
    expect(formatAgeString('018M')).toBe('18 m');
    expect(formatAgeString('58')).toBe('58');
    expect(patientAgeAtStudy({ PatientBirthDate: '', StudyDate: '19010101', PatientAge: '062Y' })).toBe('62 y');
    expect(patientAgeAtStudy({ PatientBirthDate: '19400305', StudyDate: '20040826', PatientAge: '070Y' })).toBe('64 y');
  });
});
